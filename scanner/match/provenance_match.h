// The match step: what the provenance database knows about the facts a scan
// found — known vulnerabilities of each component version, the vendors
// behind them with country, parents and regulatory list entries, and the
// database's own sources so every answer is traceable.
#pragma once

#include "scanner/core/result.h"
#include "scanner/db/provenance.h"
#include "scanner/report/report.h"

namespace pedigree::match {

/// Fills report.database, report.vulnerabilities and report.vendors, and the
/// supplier of components the database names one for. Errors only when the
/// database cannot be read.
Status attach_provenance(report::Report& report, db::ProvenanceDb& db);

/// critical, high, medium, low or none from a CVSS base score; unknown when negative.
const char* severity_of_cvss(double score);

}  // namespace pedigree::match
