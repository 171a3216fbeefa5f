// Gzip-compressed feed files (NVD `.json.gz`, EPSS `.csv.gz`): recognised by
// their magic bytes, inflated with zlib chunk by chunk into one string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "scanner/core/result.h"

namespace pedigree::db {

/// Largest inflated feed accepted (4 GiB; the largest NVD year is well under 1 GiB).
inline constexpr std::uint64_t kMaxInflatedBytes = 4ull << 30;

/// True when `bytes` start with the gzip magic 1f 8b.
bool is_gzip(std::string_view bytes);

/// Inflates every gzip member in `bytes`; an error for a damaged or truncated
/// stream or output past `max_out`.
Result<std::string> gunzip(std::string_view bytes, std::uint64_t max_out = kMaxInflatedBytes);

/// `bytes` as they are, or inflated when gzip-compressed.
Result<std::string> maybe_gunzip(std::string bytes, std::uint64_t max_out = kMaxInflatedBytes);

}  // namespace pedigree::db
