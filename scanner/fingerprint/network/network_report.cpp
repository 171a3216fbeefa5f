#include "scanner/fingerprint/network/network_report.h"

#include <algorithm>
#include <map>

#include "scanner/fingerprint/confidence.h"
#include "scanner/fingerprint/network/public_suffix.h"

namespace pedigree::fingerprint {

namespace {

std::vector<std::string> origins_of(const std::vector<Sighting>& seen) {
  std::vector<std::string> out;
  for (const auto& s : seen) out.push_back(s.origin);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Where a sighting was read: inside a U-Boot environment, or a text or binary file.
Place place_of(const std::string& origin, std::uint64_t offset, bool binary,
               const std::vector<UBootEnvironment>& envs) {
  for (const auto& e : envs) {
    if (e.origin == origin && offset >= e.data_offset && offset < e.data_end)
      return e.crc_ok ? Place::kUBootEnv : Place::kUBootEnvBadCrc;
  }
  return binary ? Place::kBinary : Place::kText;
}

/// Keeps `c` when it ranks above what `fact` has.
template <typename Fact>
void keep_best(Fact& fact, Confidence c) {
  if (confidence_rank(c.level) <= confidence_rank(fact.confidence)) return;
  fact.confidence = std::string(c.level);
  fact.confidence_basis = std::string(c.basis);
}

}  // namespace

report::Network merge_network(const std::vector<MacSighting>& macs, const std::vector<EndpointSighting>& endpoints,
                              const std::vector<report::Layer>& layers, const std::vector<UBootEnvironment>& envs) {
  report::Network net;
  std::map<std::string, std::vector<const MacSighting*>> by_mac;
  for (const auto& m : macs) by_mac[m.address].push_back(&m);
  for (const auto& [address, all] : by_mac) {
    std::vector<Sighting> seen;
    for (const auto* m : all) seen.push_back({m->origin, m->offset});
    auto kept = innermost(seen, layers);
    report::MacAddress a;
    a.address = address;
    a.origins = origins_of(kept);
    for (const auto* m : all) keep_best(a, mac_confidence(place_of(m->origin, m->offset, m->binary, envs)));
    // The first kept sighting (sightings are sorted) gives origin, offset and key.
    for (const auto* m : all) {
      if (m->origin == kept.front().origin && m->offset == kept.front().offset) {
        a.origin = m->origin;
        a.offset = m->offset;
        a.context = m->context;
        break;
      }
    }
    net.mac_addresses.push_back(std::move(a));
  }
  std::map<std::string, report::Endpoint> by_value;
  std::map<std::string, std::vector<Sighting>> seen;
  for (const auto& e : endpoints) {
    seen[e.value].push_back({e.origin, e.offset});
    auto& p = by_value[e.value];
    keep_best(p, endpoint_confidence(e.kind, place_of(e.origin, e.offset, e.binary, envs)));
    if (p.value.empty()) {
      p.value = e.value;
      p.kind = e.kind;
      p.scheme = e.scheme;
      p.host = e.host;
      if (e.kind != "ip") {
        p.registrable_domain = registrable_domain(e.host);
        p.tld_country = tld_country(e.host);
      }
    }
  }
  for (auto& [value, p] : by_value) {
    p.origins = origins_of(innermost(seen[value], layers));
    net.endpoints.push_back(std::move(p));
  }
  std::sort(net.endpoints.begin(), net.endpoints.end(),
            [](const auto& a, const auto& b) { return std::tie(a.host, a.value) < std::tie(b.host, b.value); });
  return net;
}

}  // namespace pedigree::fingerprint
