// How many bytes a member rebuilt from a flash file system may occupy.
//
// JFFS2, UBIFS and UBI can describe large runs of zeros or erased flash in a
// few bytes (holes, unmapped LEBs), so a small hostile image could otherwise
// make us allocate whatever the per-file budget allows. The budget's ratio
// limit bounds that against the bytes of the whole instance.
#pragma once

#include <algorithm>
#include <cstdint>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// The size to allocate for a member that wants `want` bytes, built from an
/// instance of `input_size` bytes: within max_bytes, and within max_ratio
/// times the input once past ratio_floor_bytes.
inline std::uint64_t output_cap(std::uint64_t want, std::uint64_t input_size, const OutputBudget& budget) {
  std::uint64_t cap = std::min(want, budget.max_bytes);
  if (budget.max_ratio != 0 && cap > budget.ratio_floor_bytes) {
    std::uint64_t by_ratio = input_size > UINT64_MAX / budget.max_ratio ? UINT64_MAX : input_size * budget.max_ratio;
    cap = std::min(cap, std::max(by_ratio, budget.ratio_floor_bytes));
  }
  return cap;
}

}  // namespace pedigree::unpack
