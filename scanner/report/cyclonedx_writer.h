// CycloneDX 1.6 JSON (https://cyclonedx.org/docs/1.6/json/): the image as
// metadata.component (type firmware), one component per report component
// with its CPE, purl, supplier, the SHA-256 of the files that carry it and
// the evidence (identity and occurrences inside the image), and the
// dependency graph from ELF NEEDED entries, and the vulnerabilities with VEX
// analysis (cyclonedx_vulnerabilities.h). Deterministic: the serial number
// is derived from the image hash, and the only time is the reference date.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

/// The report as a CycloneDX 1.6 JSON document; same report, same bytes.
std::string to_cyclonedx(const Report& report);

}  // namespace pedigree::report
