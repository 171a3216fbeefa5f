#include "scanner/fingerprint/contained_hits.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace pedigree::fingerprint {

namespace {

/// Layer formats whose members are parts of the file's own bytes, not
/// decoded data: hits there stay.
constexpr std::array<std::string_view, 1> kViewFormats = {"elf"};

bool is_view(const std::string& format) {
  return std::find(kViewFormats.begin(), kViewFormats.end(), format) != kViewFormats.end();
}

using Ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;  // [begin, end)

/// Unpacked layer ranges of every file that holds one, keyed by the file's origin.
std::map<std::string, Ranges> layer_ranges(const unpack::Tree& tree, const std::set<std::string>& wanted) {
  std::map<std::string, Ranges> out;
  auto children = tree.children();
  for (std::uint32_t id = 0; id < tree.nodes.size(); ++id) {
    if (tree.nodes[id].kind != unpack::NodeKind::kFile) continue;
    Ranges ranges;
    for (auto c : children[id]) {
      const auto& n = tree.nodes[c];
      if (n.kind == unpack::NodeKind::kLayer && !is_view(n.format)) ranges.push_back({n.offset, n.offset + n.size});
    }
    if (ranges.empty()) continue;
    std::string origin = tree.origin(id);
    if (wanted.count(origin)) out.emplace(std::move(origin), std::move(ranges));
  }
  return out;
}

bool inside(const Ranges& ranges, std::uint64_t offset) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const auto& r) { return offset >= r.first && offset < r.second; });
}

}  // namespace

std::vector<ComponentHit> drop_contained_hits(std::vector<ComponentHit> hits, const unpack::Tree& tree) {
  std::set<std::string> origins;
  for (const auto& h : hits)
    if (h.evidence.kind == "binary") origins.insert(h.evidence.origin);
  if (origins.empty()) return hits;
  auto ranges = layer_ranges(tree, origins);
  std::erase_if(hits, [&](const ComponentHit& h) {
    if (h.evidence.kind != "binary") return false;
    auto it = ranges.find(h.evidence.origin);
    return it != ranges.end() && inside(it->second, h.evidence.offset);
  });
  return hits;
}

}  // namespace pedigree::fingerprint
