#include "scanner/fingerprint/facts.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace pedigree::fingerprint {
namespace {

auto hit_key(const ComponentHit& h) {
  const auto& e = h.evidence;
  return std::tie(h.name, h.version, h.relation, e.origin, e.offset, e.kind, e.source, e.text, h.distro_version);
}

}  // namespace

void Facts::append(Facts&& other) {
  std::move(other.components.begin(), other.components.end(), std::back_inserter(components));
  std::move(other.binaries.begin(), other.binaries.end(), std::back_inserter(binaries));
  security.append(std::move(other.security));
}

void Facts::sort() {
  std::sort(components.begin(), components.end(),
            [](const ComponentHit& a, const ComponentHit& b) { return hit_key(a) < hit_key(b); });
  std::sort(binaries.begin(), binaries.end(),
            [](const report::Binary& a, const report::Binary& b) { return a.origin < b.origin; });
  security.sort();
}

}  // namespace pedigree::fingerprint
