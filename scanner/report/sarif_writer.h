// SARIF 2.1.0 (OASIS) for code-scanning user interfaces: one rule per finding
// kind (help text and provisions from rules/provisions.json), one result per
// finding with a level (critical, high → error; medium → warning; low, info →
// note), a location in the image (the origin chain as a path under the
// IMAGEROOT base, plus the origin text as a logical location), and the
// finding id as a partial fingerprint so results de-duplicate across runs.
// Waived findings carry an accepted external suppression.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

std::string to_sarif(const Report& r);

}  // namespace pedigree::report
