#include "scanner/fingerprint/facts.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace pedigree::fingerprint {
namespace {

auto hit_key(const ComponentHit& h) {
  const auto& e = h.evidence;
  return std::tie(h.name, h.version, h.relation, e.origin, e.offset, e.kind, e.source, e.text, h.distro_version,
                  h.purl);
}

}  // namespace

void Facts::append(Facts&& other) {
  std::move(other.components.begin(), other.components.end(), std::back_inserter(components));
  std::move(other.binaries.begin(), other.binaries.end(), std::back_inserter(binaries));
  security.append(std::move(other.security));
  std::move(other.chipset_evidence.begin(), other.chipset_evidence.end(), std::back_inserter(chipset_evidence));
  std::move(other.macs.begin(), other.macs.end(), std::back_inserter(macs));
  std::move(other.endpoints.begin(), other.endpoints.end(), std::back_inserter(endpoints));
  std::move(other.uboot_envs.begin(), other.uboot_envs.end(), std::back_inserter(uboot_envs));
}

bool Facts::empty() const {
  return components.empty() && binaries.empty() && chipset_evidence.empty() && macs.empty() && endpoints.empty() &&
         uboot_envs.empty() && security.empty();
}

void Facts::sort() {
  std::sort(components.begin(), components.end(),
            [](const ComponentHit& a, const ComponentHit& b) { return hit_key(a) < hit_key(b); });
  std::sort(binaries.begin(), binaries.end(),
            [](const report::Binary& a, const report::Binary& b) { return a.origin < b.origin; });
  security.sort();
  std::sort(chipset_evidence.begin(), chipset_evidence.end(), [](const auto& a, const auto& b) {
    return std::tie(a.kind, a.value, a.origin, a.offset) < std::tie(b.kind, b.value, b.origin, b.offset);
  });
  std::sort(macs.begin(), macs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.address, a.origin, a.offset, a.context) < std::tie(b.address, b.origin, b.offset, b.context);
  });
  std::sort(endpoints.begin(), endpoints.end(), [](const auto& a, const auto& b) {
    return std::tie(a.host, a.value, a.origin, a.offset) < std::tie(b.host, b.value, b.origin, b.offset);
  });
  std::sort(uboot_envs.begin(), uboot_envs.end(),
            [](const auto& a, const auto& b) { return std::tie(a.origin, a.offset) < std::tie(b.origin, b.offset); });
}

}  // namespace pedigree::fingerprint
