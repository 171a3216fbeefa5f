#include "scanner/match/certificate_match.h"

#include "scanner/match/issuer_attribution.h"

namespace pedigree::match {
namespace {

/// A root is known when the store holds that very certificate; anything else
/// is known when a CA of the store carries its issuer's organisation. The
/// organisation is what both sides print the same way; distinguished names
/// differ in order and escaping between the two readers.
Result<bool> issuer_is_public_ca(const report::Certificate& c, db::ProvenanceDb& db) {
  if (c.self_signed) {
    auto same = db.ca_by_sha256(c.sha256);
    if (!same) return same.error();
    return !same->empty();
  }
  if (c.issuer_o.empty()) return false;
  auto by_org = db.ca_by_organization(c.issuer_o);
  if (!by_org) return by_org.error();
  return !by_org->empty();
}

std::string certificate_name(const report::Certificate& c) { return c.subject_cn.empty() ? c.subject : c.subject_cn; }

}  // namespace

Status attach_certificates(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors) {
  for (auto& c : r.certificates) {
    auto known = issuer_is_public_ca(c, db);
    if (!known) return known.error();
    c.issuer_known_ca = *known ? "yes" : "no";
    auto st = attribute_certificate_issuer(vendors, c.issuer_o, c.issuer_c, certificate_name(c), c.origin);
    if (!st) return st;
    if (c.subject_o.empty() || c.subject_o == c.issuer_o) continue;
    // Subjects are attributed only to vendors the database knows: a device's
    // own certificate names whatever its maker typed, which is no vendor fact.
    auto subject_vendor = db.vendor(c.subject_o);
    if (!subject_vendor) return subject_vendor.error();
    if (!*subject_vendor) continue;
    st = vendors.add(c.subject_o, {"certificate-subject", certificate_name(c), c.origin});
    if (!st) return st;
  }
  return Ok{};
}

}  // namespace pedigree::match
