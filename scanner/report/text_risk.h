// The terminal summary of the risk assessment: the policy, counts per
// severity, each area with its top reasons, and waivers that expired.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

void risk_section(std::string& out, const Report& r, bool color);

}  // namespace pedigree::report
