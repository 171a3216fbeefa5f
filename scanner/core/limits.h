// Limits that bound every scan. One object, passed down the whole recursion.
//
// Hostile images (zip bombs, deep nesting, millions of tiny files) are an
// expected input: each limit turns into a report warning when hit, never a
// crash or an unbounded allocation. All are overridable on the command line.
#pragma once

#include <cstdint>

namespace pedigree {

struct Limits {
  /// Container layers nested inside one another (image → zip → tar → squashfs …).
  std::uint32_t max_depth = 24;
  /// Bytes produced by all extractors together.
  std::uint64_t max_total_bytes = 4ULL << 30;
  /// Bytes one extracted member may have; larger members are truncated.
  std::uint64_t max_file_bytes = 1ULL << 30;
  /// Output/input ratio of one decompressed stream, checked once past ratio_floor_bytes.
  std::uint32_t max_ratio = 250;
  std::uint64_t ratio_floor_bytes = 32ULL << 20;
  /// Files, links and directories produced by all extractors together.
  std::uint64_t max_files = 200000;
  /// Wall-clock budget for unpacking; 0 means none.
  std::uint32_t max_seconds = 600;
  /// Worker threads; 0 means one per core.
  std::uint32_t jobs = 0;
};

}  // namespace pedigree
