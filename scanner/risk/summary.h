// What the findings add up to: the risk summary per area and the verdict on
// each provision of the mapping.
#pragma once

#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::risk {

/// Counts per severity and per area, and the top reasons of each area
/// (titles of its most severe findings that are not waived).
report::RiskSummary summarize(const report::Report& r, const std::string& policy);

/// One verdict per provision of rules/provisions.json, in its order:
/// "evidence of non-conformity" when a finding not waived bears on it,
/// "not assessable from firmware" when the mapping says so, else
/// "no evidence found". The provisions on documenting components
/// (`sbom_provisions` of the mapping) also record each SBOM the scan wrote.
std::vector<report::ProvisionVerdict> provision_verdicts(const report::Report& r);

}  // namespace pedigree::risk
