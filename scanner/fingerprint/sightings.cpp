#include "scanner/fingerprint/sightings.h"

#include <algorithm>
#include <map>
#include <set>

namespace pedigree::fingerprint {
namespace {

/// True when `origin` is a file inside the layer `layer_origin`.
bool is_inside(const std::string& origin, const std::string& layer_origin) {
  return origin.size() > layer_origin.size() && origin.compare(0, layer_origin.size(), layer_origin) == 0 &&
         origin[layer_origin.size()] == ' ';
}

}  // namespace

std::vector<Sighting> innermost(const std::vector<Sighting>& seen, const std::vector<report::Layer>& layers) {
  std::vector<Sighting> out;
  for (const auto& s : seen) {
    bool repeated = std::any_of(layers.begin(), layers.end(), [&](const report::Layer& l) {
      if (l.parent != s.origin || s.offset < l.offset || s.offset - l.offset >= l.size) return false;
      return std::any_of(seen.begin(), seen.end(), [&](const Sighting& o) { return is_inside(o.origin, l.origin); });
    });
    if (!repeated) out.push_back(s);
  }
  return out;
}

std::vector<report::ChipsetEvidence> innermost_evidence(std::vector<report::ChipsetEvidence> evidence,
                                                        const std::vector<report::Layer>& layers) {
  std::map<std::pair<std::string, std::string>, std::vector<Sighting>> by_value;
  for (const auto& e : evidence) by_value[{e.kind, e.value}].push_back({e.origin, e.offset});
  std::set<std::tuple<std::string, std::string, std::string, std::uint64_t>> keep;
  for (const auto& [kv, seen] : by_value) {
    if (seen.size() < 2) {
      keep.insert({kv.first, kv.second, seen[0].origin, seen[0].offset});
      continue;
    }
    for (const auto& s : innermost(seen, layers)) keep.insert({kv.first, kv.second, s.origin, s.offset});
  }
  std::erase_if(evidence, [&](const report::ChipsetEvidence& e) {
    return keep.count({e.kind, e.value, e.origin, e.offset}) == 0;
  });
  return evidence;
}

}  // namespace pedigree::fingerprint
