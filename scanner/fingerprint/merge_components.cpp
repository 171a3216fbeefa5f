#include "scanner/fingerprint/merge_components.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace pedigree::fingerprint {

std::vector<report::Component> merge_components(const std::vector<ComponentHit>& hits) {
  std::map<std::tuple<std::string, std::string, std::string>, report::Component> merged;
  for (const auto& h : hits) {
    auto& c = merged[{h.name, h.version, h.relation}];
    c.name = h.name;
    c.version = h.version;
    c.relation = h.relation;
    if (c.distro_version.empty()) c.distro_version = h.distro_version;
    auto at = std::lower_bound(c.paths.begin(), c.paths.end(), h.evidence.origin);
    if (at == c.paths.end() || *at != h.evidence.origin) {
      c.sha256.insert(c.sha256.begin() + (at - c.paths.begin()), h.file_sha256);
      c.paths.insert(at, h.evidence.origin);
    }
    c.evidence.push_back(h.evidence);
  }
  std::vector<report::Component> out;
  out.reserve(merged.size());
  for (auto& [key, c] : merged) out.push_back(std::move(c));
  return out;
}

}  // namespace pedigree::fingerprint
