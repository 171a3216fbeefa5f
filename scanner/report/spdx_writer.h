// SPDX 2.3 JSON (https://spdx.github.io/spdx-spec/v2.3/): one package for the
// firmware image, which the document DESCRIBES and which CONTAINS one package
// per component (name, version, supplier, SHA-256 checksums, CPE and purl
// external references), and DEPENDS_ON relationships from ELF NEEDED entries.
// Licences and copyright are not looked at: NOASSERTION. Deterministic: the
// namespace is derived from the image hash, the creation time is the
// reference date.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

/// The report as an SPDX 2.3 JSON document; same report, same bytes.
std::string to_spdx(const Report& report);

}  // namespace pedigree::report
