// Finds zlib streams (RFC 1950) at any offset inside regions no format
// claimed.
//
// A zlib header is two bytes (CMF: method 8, window log2 - 8 at most 7; FLG:
// no preset dictionary, CMF * 256 + FLG a multiple of 31), so about one
// offset in 2 000 of arbitrary data passes it: the header alone is no
// evidence, and the carver's magic index does not hold zlib. Here every
// header is instead tried: inflated, discarding the output, until the
// stream ends and its Adler-32 trailer matches the data, which leaves a
// false positive in random bytes at about one chance in 2^32 per stream
// that inflates to its end at all. Trials are capped in number, output and
// time, so a blob full of headers costs a bounded amount and says so.
#pragma once

#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack {

/// Bounds of one search. A 16 MiB MIPS kernel holds ~2 500 headers: with
/// these defaults its search costs ~30 ms of CPU.
struct ZlibCarveLimits {
  /// Headers tried in one blob.
  std::uint32_t max_trials = 20000;
  /// Output one trial may produce; longer streams are not carved.
  std::uint64_t max_output = 16ULL << 20;
  /// Output all trials in one blob may produce (the deterministic bound on
  /// work: a forged blob can hold many headers of large streams).
  std::uint64_t max_total_output = 256ULL << 20;
  /// Time all trials in one blob may take: a safety net that only a very
  /// slow or overloaded machine should reach before the limits above.
  std::chrono::milliseconds max_time{3000};
  /// Hard deadline (the scan's), checked between trials.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

/// One stream found: where it starts and how many bytes it occupies.
struct ZlibStream {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

struct ZlibCarveResult {
  std::vector<ZlibStream> streams;  ///< in offset order, not overlapping
  std::uint32_t trials = 0;
  std::uint64_t inflated = 0;  ///< output of all trials together
  bool capped = false;         ///< stopped at max_trials or max_total_output
  bool timed_out = false;      ///< stopped at max_time or the deadline
};

/// True for the two header bytes of a zlib stream this carver accepts.
bool zlib_header_ok(std::uint8_t cmf, std::uint8_t flg);

/// Searches the [start, end) regions of `data` (sorted, not overlapping);
/// a stream must lie wholly inside one region.
ZlibCarveResult carve_zlib(ByteView data, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& regions,
                           const ZlibCarveLimits& limits);

}  // namespace pedigree::unpack
