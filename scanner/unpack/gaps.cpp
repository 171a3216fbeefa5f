#include "scanner/unpack/gaps.h"

#include <algorithm>

#include "scanner/core/hash.h"

namespace pedigree::unpack {
namespace {

// Compressed data sits near 8 bits/byte too, but an unknown region this
// random and this large is most often an encrypted image or partition.
constexpr double kSuspiciousEntropy = 7.9;
constexpr std::uint64_t kSuspiciousMinSize = 64 * 1024;

Gap classify(ByteView data, std::uint64_t start, std::uint64_t end) {
  Gap g;
  g.offset = start;
  g.size = end - start;
  ByteView region = slice(data, start, g.size);
  g.padding = std::all_of(region.begin(), region.end(), [&](std::uint8_t b) { return b == region[0]; });
  g.entropy = shannon_entropy(region);
  g.suspicious = !g.padding && g.size >= kSuspiciousMinSize && g.entropy >= kSuspiciousEntropy;
  return g;
}

}  // namespace

std::vector<Gap> find_gaps(ByteView data, std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed) {
  std::sort(claimed.begin(), claimed.end());
  std::vector<Gap> gaps;
  std::uint64_t pos = 0;
  for (auto [start, end] : claimed) {
    start = std::min<std::uint64_t>(start, data.size());
    end = std::min<std::uint64_t>(end, data.size());
    if (start > pos) gaps.push_back(classify(data, pos, start));
    pos = std::max(pos, end);
  }
  if (pos < data.size()) gaps.push_back(classify(data, pos, data.size()));
  return gaps;
}

}  // namespace pedigree::unpack
