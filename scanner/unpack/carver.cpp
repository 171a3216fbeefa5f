#include "scanner/unpack/carver.h"

#include <algorithm>
#include <cstring>

#include "scanner/unpack/registry.h"

namespace pedigree::unpack {
namespace {

std::uint32_t prefix_of(const std::uint8_t* p) { return p[0] | (static_cast<std::uint32_t>(p[1]) << 8); }

}  // namespace

Carver::Carver(std::span<const Format* const> formats) : by_prefix_(1U << 16), prefix_bits_((1U << 16) / 64) {
  for (std::uint32_t prio = 0; prio < formats.size(); ++prio) {
    for (const Magic& m : formats[prio]->magics()) {
      if (m.bytes.size() < 2) continue;  // registry contract: at least two bytes
      auto idx = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back({formats[prio], prio, m});
      std::uint32_t key = prefix_of(reinterpret_cast<const std::uint8_t*>(m.bytes.data()));
      by_prefix_[key].push_back(idx);
      prefix_bits_[key / 64] |= 1ULL << (key % 64);
    }
  }
}

std::vector<Candidate> Carver::at_start(ByteView data) const {
  std::vector<Candidate> out;
  for (const Entry& e : entries_) {
    if (!in_bounds(e.magic.at, e.magic.bytes.size(), data.size())) continue;
    if (std::memcmp(data.data() + e.magic.at, e.magic.bytes.data(), e.magic.bytes.size()) != 0) continue;
    bool dup = std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.format == e.format; });
    if (!dup) out.push_back({0, e.priority, e.format});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.priority < b.priority; });
  return out;
}

std::vector<Candidate> Carver::scan(ByteView data, std::uint64_t from, std::size_t max, bool* capped) const {
  std::vector<Candidate> out;
  *capped = false;
  if (data.size() < 2) return out;
  const std::uint8_t* p = data.data();
  const std::size_t n = data.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    std::uint32_t key = prefix_of(p + i);
    if ((prefix_bits_[key / 64] & (1ULL << (key % 64))) == 0) continue;
    for (std::uint32_t idx : by_prefix_[key]) {
      const Entry& e = entries_[idx];
      if (!e.format->carvable() || i < e.magic.at || i - e.magic.at < from) continue;
      if (e.magic.bytes.size() > n - i || std::memcmp(p + i, e.magic.bytes.data(), e.magic.bytes.size()) != 0) continue;
      if (out.size() >= max) {
        *capped = true;
        break;
      }
      out.push_back({i - e.magic.at, e.priority, e.format});
    }
    if (*capped) break;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.start != b.start ? a.start < b.start : a.priority < b.priority;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.start == b.start && a.format == b.format; }),
            out.end());
  return out;
}

const Carver& default_carver() {
  static const Carver kCarver(all_formats());
  return kCarver;
}

}  // namespace pedigree::unpack
