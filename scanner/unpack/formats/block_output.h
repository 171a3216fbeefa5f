// Output of the block-by-block stream formats (LZ4 legacy, lzop), which
// decode each block with a fixed-size block decoder and so must enforce the
// sink's OutputBudget themselves: size, ratio and deadline, checked between
// blocks.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// An offset as warnings print it ("0x1a2b").
inline std::string hex_offset(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

/// Decoded bytes of a block stream, kept within the budget.
class BlockOutput {
 public:
  explicit BlockOutput(const OutputBudget& budget) : budget_(budget) {}

  /// True while another block may still be decoded.
  bool has_room() {
    if (bytes_.size() >= budget_.max_bytes) return stop("output size limit");
    if (budget_.deadline != std::chrono::steady_clock::time_point::max() &&
        std::chrono::steady_clock::now() > budget_.deadline) {
      return stop("time limit");
    }
    return true;
  }

  /// Appends one decoded block, cut at the size limit. `consumed` is the
  /// input used so far, for the ratio check. False when a limit was hit.
  bool append(ByteView block, std::uint64_t consumed) {
    std::uint64_t room = budget_.max_bytes - std::min<std::uint64_t>(budget_.max_bytes, bytes_.size());
    std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), room));
    bytes_.insert(bytes_.end(), block.begin(), block.begin() + static_cast<std::ptrdiff_t>(take));
    if (take < block.size()) return stop("output size limit");
    if (budget_.max_ratio != 0 && bytes_.size() > budget_.ratio_floor_bytes &&
        bytes_.size() / std::max<std::uint64_t>(consumed, 1) > budget_.max_ratio) {
      return stop("compression ratio limit");
    }
    return true;
  }

  /// Which limit stopped the output, or nullptr.
  const char* why() const { return why_; }
  std::vector<std::uint8_t>& bytes() { return bytes_; }

 private:
  bool stop(const char* why) {
    why_ = why;
    return false;
  }

  OutputBudget budget_;
  std::vector<std::uint8_t> bytes_;
  const char* why_ = nullptr;
};

}  // namespace pedigree::unpack
