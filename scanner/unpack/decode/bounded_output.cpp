#include "scanner/unpack/decode/bounded_output.h"

#include <algorithm>

namespace pedigree::unpack {
namespace {
constexpr std::size_t kMinChunk = 64 * 1024;
constexpr std::size_t kMaxChunk = 16 * 1024 * 1024;
}  // namespace

std::size_t BoundedOutput::grow() {
  if (used_ >= budget_.max_bytes) {
    why_ = "output size limit";
    return 0;
  }
  if (bytes_.size() - used_ < kMinChunk) {
    // Guess the final size from the input the first time, then double.
    std::size_t want = bytes_.empty()
                           ? std::max<std::size_t>(kMinChunk, std::min<std::uint64_t>(input_size_ * 4, kMaxChunk))
                           : std::min(bytes_.size(), kMaxChunk);
    std::uint64_t room = budget_.max_bytes - used_;
    want = static_cast<std::size_t>(std::min<std::uint64_t>(want, room));
    bytes_.resize(used_ + want);
  }
  return static_cast<std::size_t>(std::min<std::uint64_t>(bytes_.size() - used_, budget_.max_bytes - used_));
}

bool BoundedOutput::within_budget(std::uint64_t consumed) {
  if (budget_.max_ratio != 0 && used_ > budget_.ratio_floor_bytes &&
      used_ / std::max<std::uint64_t>(consumed, 1) > budget_.max_ratio) {
    why_ = "compression ratio limit";
    return false;
  }
  if (budget_.deadline != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() > budget_.deadline) {
    why_ = "time limit";
    return false;
  }
  return true;
}

std::vector<std::uint8_t> BoundedOutput::take() {
  bytes_.resize(used_);
  bytes_.shrink_to_fit();
  return std::move(bytes_);
}

}  // namespace pedigree::unpack
