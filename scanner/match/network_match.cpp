#include "scanner/match/network_match.h"

namespace pedigree::match {
namespace {

Status attach_macs(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  for (auto& m : r.network.mac_addresses) {
    auto org = db.mac_organization(m.address);
    if (!org) return org.error();
    if (!*org) continue;
    m.organization = (*org)->organization;
    m.country = (*org)->country;
    m.registry = (*org)->registry;
    m.prefix = (*org)->prefix;
    // VendorBook maps the IEEE name to a vendors.csv vendor through its
    // aliases; a name it does not know keeps the registry's country.
    auto st = vendors.add(m.organization, {"mac-block-owner", m.address, m.origin}, m.country);
    if (!st) return st;
  }
  return Ok{};
}

Status attach_endpoint_owners(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  for (auto& e : r.network.endpoints) {
    if (e.registrable_domain.empty()) continue;
    auto owner = db.domain_owner(e.registrable_domain);
    if (!owner) return owner.error();
    if (!*owner) continue;
    e.owner = (*owner)->vendor;
    std::string origin = e.origins.empty() ? std::string() : e.origins.front();
    auto st = vendors.add(e.owner, {"cloud-endpoint", e.host, origin});
    if (!st) return st;
  }
  return Ok{};
}

}  // namespace

Status attach_network(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  if (auto st = attach_macs(r, db, vendors); !st) return st;
  return attach_endpoint_owners(r, db, vendors);
}

}  // namespace pedigree::match
