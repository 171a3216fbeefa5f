// The assess step: facts and matches → findings judged under a policy.
// Runs after the match step. Adds the findings of the vulnerability, end-of-
// life, hardening, vendor and region rules to the security findings already
// in the report; applies the policy's severity overrides to all of them;
// names the provisions each bears on; applies the waivers (as of the
// report's reference date); sorts; and fills the risk summary, the
// provisions table and the evidence block.
#pragma once

#include <string>
#include <vector>

#include "scanner/report/report.h"
#include "scanner/risk/policy.h"
#include "scanner/risk/waivers.h"

namespace pedigree::risk {

struct AssessOptions {
  Policy policy;
  std::vector<Waiver> waivers;
  std::string waivers_sha256;        ///< of the waiver file; empty when none
  std::vector<std::string> options;  ///< scan options recorded as evidence, "name=value"
};

void assess(report::Report& r, const AssessOptions& options);

/// Non-waived findings at or above `severity` (critical, high, medium, low, info).
std::size_t count_at_or_above(const report::Report& r, const std::string& severity);

}  // namespace pedigree::risk
