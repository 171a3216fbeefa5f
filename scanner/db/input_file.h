// Reading an importer's input file whole, with a size cap, and hashing it for
// data_sources. Importers parse bytes; this is the one place that reads files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/core/result.h"

namespace pedigree::db {

/// Largest input file an importer reads into memory by default (1 GiB).
inline constexpr std::uint64_t kMaxInputBytes = 1ull << 30;

/// Spare capacity an input's bytes get past their end: at least the padding
/// simdjson reads past a document (SIMDJSON_PADDING, 64 bytes).
inline constexpr std::size_t kInputPadding = 256;

/// An input's bytes and their SHA-256 (lower-case hex).
struct InputFile {
  std::string path;
  std::string bytes;
  std::string sha256;
};

/// Reads `path` whole; an error naming the path when it is missing,
/// unreadable or larger than `max_bytes`.
Result<InputFile> read_input_file(const std::string& path, std::uint64_t max_bytes = kMaxInputBytes);

}  // namespace pedigree::db
