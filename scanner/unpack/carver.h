// Finds format candidates at any offset inside a blob, in one pass.
//
// Magic numbers are only candidates: the walker asks each candidate's format
// to probe the structure before believing it. Candidates come back sorted by
// start offset, then by registry priority.
#pragma once

#include <cstdint>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {

struct Candidate {
  std::uint64_t start = 0;
  std::uint32_t priority = 0;  ///< index in the registry
  const Format* format = nullptr;
};

class Carver {
 public:
  /// Indexes the magics of these formats (registry order = priority).
  explicit Carver(std::span<const Format* const> formats);

  /// Candidates whose format starts exactly at offset 0.
  std::vector<Candidate> at_start(ByteView data) const;
  /// Carvable candidates starting at or after `from`, at most `max` of them
  /// (hostile data can hold a magic at every byte). `capped` tells if more existed.
  std::vector<Candidate> scan(ByteView data, std::uint64_t from, std::size_t max, bool* capped) const;

 private:
  struct Entry {
    const Format* format;
    std::uint32_t priority;
    Magic magic;
  };
  std::vector<Entry> entries_;
  std::vector<std::vector<std::uint32_t>> by_prefix_;  ///< first two magic bytes → entries_
  std::vector<std::uint64_t> prefix_bits_;             ///< bitmap over the 65536 prefixes
};

/// The carver over every registered format, built once.
const Carver& default_carver();

}  // namespace pedigree::unpack
