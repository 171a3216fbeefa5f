// The risk options of `pedigree scan`: --policy, --waivers, --fail-on, and
// the step that applies them to a report.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "scanner/report/report.h"

namespace pedigree::cli {

struct RiskArgs {
  std::string policy = "default";  ///< preset name or policy file
  std::string waivers;             ///< waiver file; empty: none
  std::string fail_on;             ///< severity; empty: never fail on findings
};

void add_risk_options(CLI::App& cmd, RiskArgs& a);

/// Loads the policy and waivers and assesses the report; false (with a
/// one-line reason on stderr) when an option or file is bad.
bool assess_report(report::Report& r, const RiskArgs& a, const std::vector<std::string>& evidence_options);

/// 1 when a finding not waived is at or above --fail-on, else 0.
int fail_on_exit_code(const report::Report& r, const RiskArgs& a);

}  // namespace pedigree::cli
