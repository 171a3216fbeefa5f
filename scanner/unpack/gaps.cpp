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

std::vector<std::pair<std::uint64_t, std::uint64_t>> unclaimed(
    std::uint64_t size, std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed) {
  std::sort(claimed.begin(), claimed.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  std::uint64_t pos = 0;
  for (auto [start, end] : claimed) {
    start = std::min(start, size);
    end = std::min(end, size);
    if (start > pos) out.emplace_back(pos, start);
    pos = std::max(pos, end);
  }
  if (pos < size) out.emplace_back(pos, size);
  return out;
}

std::vector<Gap> find_gaps(ByteView data, std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed) {
  std::vector<Gap> gaps;
  for (auto [start, end] : unclaimed(data.size(), std::move(claimed))) gaps.push_back(classify(data, start, end));
  return gaps;
}

}  // namespace pedigree::unpack
