// Bounds shared by the file-system image formats (squashfs, cramfs): one
// image may hold many members, each small on disk, that together expand
// far past the image (sparse blocks, holes, duplicated data). The sink's
// budget bounds each member; this guard bounds the image as a whole: the
// output/image ratio, the deadline, and the number of warnings one broken
// image may add to a report.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

class FsExtractGuard {
 public:
  /// Warnings past this many are summarised in one line.
  static constexpr unsigned kMaxWarnings = 64;

  FsExtractGuard(Sink& sink, std::uint64_t image_size) : sink_(sink), image_size_(image_size) {}

  /// Bytes the next member may have: the sink's budget, and no more than
  /// one byte past the ratio limit (so that produced() then stops).
  std::uint64_t file_budget() const {
    OutputBudget b = sink_.budget();
    if (b.max_ratio == 0) return b.max_bytes;
    std::uint64_t limit = ratio_limit(b);
    std::uint64_t allowed = limit >= total_ ? limit - total_ + 1 : 0;
    return std::min(b.max_bytes, allowed);
  }

  /// Records `n` more bytes of member data. False, after one warning, once
  /// the output outgrew the image by more than the budget's ratio.
  bool produced(std::uint64_t n) {
    total_ += n;
    OutputBudget b = sink_.budget();
    if (b.max_ratio != 0 && total_ > ratio_limit(b)) {
      return stop("output exceeds " + std::to_string(b.max_ratio) + " times the image size after " +
                  std::to_string(total_) + " bytes: remaining members not extracted");
    }
    return !stopped_;
  }

  /// False, after one warning, once the deadline has passed.
  bool in_time() {
    if (stopped_) return false;
    if (std::chrono::steady_clock::now() > sink_.budget().deadline) {
      return stop("time limit reached: remaining members not extracted");
    }
    return true;
  }

  /// Stops the extraction with one last warning (never suppressed).
  bool stop(std::string why) {
    if (!stopped_) sink_.warn(std::move(why));
    stopped_ = true;
    return false;
  }

  /// Forwards a warning; after kMaxWarnings, says once that more were dropped.
  void warn(std::string message) {
    if (warnings_ < kMaxWarnings) {
      sink_.warn(std::move(message));
    } else if (warnings_ == kMaxWarnings) {
      sink_.warn("more than " + std::to_string(kMaxWarnings) + " problems: the rest are not listed");
    }
    ++warnings_;
  }

  bool stopped() const { return stopped_; }

 private:
  /// Output allowed by the ratio: ratio × image size, but never less than the floor.
  std::uint64_t ratio_limit(const OutputBudget& b) const {
    std::uint64_t in = image_size_ == 0 ? 1 : image_size_;
    std::uint64_t scaled = in > UINT64_MAX / b.max_ratio ? UINT64_MAX : in * b.max_ratio;
    return std::max(scaled, b.ratio_floor_bytes);
  }

  Sink& sink_;
  std::uint64_t image_size_;
  std::uint64_t total_ = 0;
  unsigned warnings_ = 0;
  bool stopped_ = false;
};

}  // namespace pedigree::unpack
