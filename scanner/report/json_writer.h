// The native JSON report (schema pedigree-report/1, documented in docs/report.schema.json).
#pragma once

#include <string>

#include "scanner/core/limits.h"
#include "scanner/report/report.h"

namespace pedigree::report {

/// Serialises the report; keys in a fixed order so that the same report
/// always gives the same bytes.
std::string to_json(const Report& report, const Limits& limits);

}  // namespace pedigree::report
