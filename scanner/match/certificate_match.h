// The match step for certificates: whether each certificate's issuer is a
// public CA of the trusted store (the database's certificate_authorities
// table), and the vendors behind issuer and subject organisations.
#pragma once

#include "scanner/core/result.h"
#include "scanner/db/provenance.h"
#include "scanner/match/vendor_book.h"
#include "scanner/report/report.h"

namespace pedigree::match {

/// Sets each certificate's issuer_known_ca to "yes" or "no" and records the
/// issuer organisation (role certificate-issuer) and a subject organisation
/// the database knows (role certificate-subject) in `vendors`.
Status attach_certificates(report::Report& report, db::ProvenanceDb& db, VendorBook& vendors);

}  // namespace pedigree::match
