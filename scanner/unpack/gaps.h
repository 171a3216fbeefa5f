// Regions of a blob that no format claimed, classified by their content.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack {

struct Gap {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  double entropy = 0.0;
  bool padding = false;     ///< one byte value throughout (erased flash 0xff, zero fill)
  bool suspicious = false;  ///< large and near-random: likely encrypted
};

/// The [start, end) ranges of a blob of `size` bytes that no claimed range
/// covers, in order.
std::vector<std::pair<std::uint64_t, std::uint64_t>> unclaimed(
    std::uint64_t size, std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed);

/// The gaps between (possibly unsorted, overlapping) claimed [start, end) ranges.
std::vector<Gap> find_gaps(ByteView data, std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed);

}  // namespace pedigree::unpack
