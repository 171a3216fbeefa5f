#include "scanner/match/provenance_match.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "scanner/db/data_sources.h"
#include "scanner/db/migrations.h"
#include "scanner/db/vuln_lookup.h"
#include "scanner/match/chipset_resolution.h"
#include "scanner/match/network_match.h"
#include "scanner/match/certificate_match.h"
#include "scanner/match/vendor_book.h"

namespace pedigree::match {
namespace {

Status attach_database_info(report::Report& r, db::Database& db) {
  auto version = db::schema_version(db);
  if (!version) return version.error();
  auto sources = db::list_sources(db);
  if (!sources) return sources.error();
  r.database.schema_version = *version;
  for (const auto& s : *sources) r.database.sources.push_back({s.name, s.kind, s.version, s.sha256});
  return Ok{};
}

report::Vulnerability to_report(const db::VulnFinding& f, const report::Component& c, const std::string& version) {
  report::Vulnerability v;
  v.id = f.id;
  v.component = c.name;
  v.version = version;
  v.relation = c.relation;
  v.status = std::string(db::match_status_name(f.status));
  v.range = f.range;
  v.criteria = f.criteria;
  v.fixed_in = f.fixed_in;
  v.summary = f.summary;
  v.cvss = f.cvss.value_or(-1.0);
  v.cvss_version = f.cvss_version;
  v.cvss_vector = f.cvss_vector;
  v.severity = severity_of_cvss(v.cvss);
  v.cwes = f.cwes;
  v.published = f.published;
  v.kev = f.kev;
  v.kev_date_added = f.kev_date_added;
  v.epss = f.epss.value_or(-1.0);
  v.source = f.source;
  return v;
}

/// A program built against a library does not carry its code: only what is
/// present in the image (on its own or linked in) is matched.
bool carries_code(const report::Component& c) { return c.relation != "built-against"; }

Status attach_vulnerabilities(report::Report& r, db::Database& db) {
  auto lookup = db::VulnLookup::open(db);
  if (!lookup) return lookup.error();
  for (const auto& c : r.components) {
    if (c.version.empty() || !carries_code(c)) continue;
    // The packaged version carries the distribution revision, which tells the
    // matcher that a fix may have been backported.
    const std::string& version = c.distro_version.empty() ? c.version : c.distro_version;
    auto found = lookup->for_component(c.name, version);
    if (!found) return found.error();
    std::set<std::string> seen;
    for (const auto& f : *found) {
      if (seen.insert(f.id).second) r.vulnerabilities.push_back(to_report(f, c, c.version));
    }
  }
  std::sort(r.vulnerabilities.begin(), r.vulnerabilities.end(), [](const auto& a, const auto& b) {
    return std::tuple(!a.kev, -a.cvss, a.id, a.component, a.version, a.relation) <
           std::tuple(!b.kev, -b.cvss, b.id, b.component, b.version, b.relation);
  });
  return Ok{};
}

Status attach_suppliers(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  for (auto& c : r.components) {
    auto info = db.component(c.name);
    if (!info) return info.error();
    if (*info && c.supplier.empty()) c.supplier = (*info)->supplier;
    if (c.supplier.empty()) continue;
    std::string origin = c.paths.empty() ? std::string() : c.paths.front();
    auto st = vendors.add(c.supplier, {"component-supplier", c.name, origin});
    if (!st) return st;
  }
  return Ok{};
}

}  // namespace

const char* severity_of_cvss(double score) {
  if (score < 0) return "unknown";
  if (score >= 9.0) return "critical";
  if (score >= 7.0) return "high";
  if (score >= 4.0) return "medium";
  if (score > 0.0) return "low";
  return "none";
}

Status attach_provenance(report::Report& r, db::ProvenanceDb& db) {
  auto st = attach_database_info(r, db.database());
  if (!st) return st;
  st = attach_vulnerabilities(r, db.database());
  if (!st) return st;
  VendorBook vendors(db);
  st = attach_suppliers(r, db, vendors);
  if (!st) return st;
  st = resolve_chipsets(r, db, vendors);
  if (!st) return st;
  st = attach_network(r, db, vendors);
  if (!st) return st;
  st = attach_certificates(r, db, vendors);
  if (!st) return st;
  r.vendors = vendors.take();
  return Ok{};
}

}  // namespace pedigree::match
