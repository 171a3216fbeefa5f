#include "scanner/unpack/zlib_carve.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>

namespace pedigree::unpack {
namespace {

constexpr std::uint8_t kMethodDeflate = 8;
constexpr std::uint8_t kMaxCinfo = 7;
constexpr std::uint8_t kFlagDict = 0x20;
/// Header, one empty stored or fixed block, and the trailer.
constexpr std::uint64_t kMinStream = 2 + 2 + 4;
/// Output is discarded: zlib keeps its own window for back references.
constexpr std::size_t kScratch = 64 * 1024;

/// One z_stream reused for every trial of a search.
class Inflater {
 public:
  Inflater() { ok_ = inflateInit(&zs_) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&zs_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  /// The size of the complete, checksum-verified stream at the start of
  /// `in`, or 0 when there is none within `max_output` bytes of output.
  /// Adds the bytes inflated to `inflated`.
  std::uint64_t trial(ByteView in, std::uint64_t max_output, std::uint64_t& inflated) {
    if (!ok_ || inflateReset(&zs_) != Z_OK) return 0;
    zs_.next_in = const_cast<Bytef*>(in.data());
    // Regions are at most a blob; zlib counts in uInt, so feed at most 1 GiB.
    zs_.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 1U << 30));
    std::uint64_t produced = 0;
    while (produced <= max_output) {
      zs_.next_out = scratch_.data();
      zs_.avail_out = static_cast<uInt>(scratch_.size());
      int rc = inflate(&zs_, Z_NO_FLUSH);
      produced += scratch_.size() - zs_.avail_out;
      inflated += scratch_.size() - zs_.avail_out;
      // Z_STREAM_END only comes once the Adler-32 trailer has matched.
      if (rc == Z_STREAM_END) return produced <= max_output ? zs_.total_in : 0;
      if (rc != Z_OK) return 0;  // corrupt, a dictionary, or the region ends first
    }
    return 0;
  }

 private:
  z_stream zs_{};
  bool ok_ = false;
  std::array<Bytef, kScratch> scratch_{};
};

}  // namespace

bool zlib_header_ok(std::uint8_t cmf, std::uint8_t flg) {
  return (cmf & 0x0f) == kMethodDeflate && (cmf >> 4) <= kMaxCinfo && (flg & kFlagDict) == 0 &&
         (cmf * 256U + flg) % 31 == 0;
}

ZlibCarveResult carve_zlib(ByteView data, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& regions,
                           const ZlibCarveLimits& limits) {
  ZlibCarveResult r;
  auto inflater = std::make_unique<Inflater>();
  const auto started = std::chrono::steady_clock::now();
  const auto stop_at = std::min(limits.deadline, started + limits.max_time);
  for (auto [start, end] : regions) {
    end = std::min<std::uint64_t>(end, data.size());
    std::uint64_t pos = start;
    while (pos + kMinStream <= end) {
      if (!zlib_header_ok(data[pos], data[pos + 1])) {
        ++pos;
        continue;
      }
      if (r.trials >= limits.max_trials || r.inflated > limits.max_total_output) {
        r.capped = true;
        return r;
      }
      // A trial can inflate up to max_output bytes, so the clock is read before each.
      if (++r.trials > 1 && std::chrono::steady_clock::now() > stop_at) {
        r.timed_out = true;
        return r;
      }
      std::uint64_t size = inflater->trial(data.subspan(pos, end - pos), limits.max_output, r.inflated);
      if (size != 0) {
        r.streams.push_back({pos, size});
        pos += size;
      } else {
        ++pos;
      }
    }
  }
  return r;
}

}  // namespace pedigree::unpack
