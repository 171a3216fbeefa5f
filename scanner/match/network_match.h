// The match step for network identity: each MAC address gets the IEEE
// registry's organisation and country for its block, each endpoint the
// vendor that operates its registrable domain (db/seed/domains.csv); both
// feed the report's vendors (roles mac-block-owner and cloud-endpoint).
#pragma once

#include "scanner/core/result.h"
#include "scanner/db/provenance.h"
#include "scanner/match/vendor_book.h"
#include "scanner/report/report.h"

namespace pedigree::match {

Status attach_network(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors);

}  // namespace pedigree::match
