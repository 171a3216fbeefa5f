#include "cli/scan_options.h"

#include <iostream>

#include "scanner/risk/assess.h"
#include "scanner/risk/rule_data.h"

namespace pedigree::cli {

void add_risk_options(CLI::App& cmd, RiskArgs& a) {
  cmd.add_option("--policy", a.policy, "Policy preset (default, us-procurement, eu-cra) or policy file")
      ->capture_default_str();
  cmd.add_option("--waivers", a.waivers, "Waiver file (JSON): accepted findings, each with an expiry date");
  cmd.add_option("--fail-on", a.fail_on, "Exit with 1 when a finding not waived is at or above this severity")
      ->check(CLI::IsMember({"critical", "high", "medium", "low", "info"}));
}

bool assess_report(report::Report& r, const RiskArgs& a, const std::vector<std::string>& evidence_options) {
  auto policy = risk::load_policy(a.policy);
  if (!policy) {
    std::cerr << "pedigree: bad --policy: " << policy.error().message << "\n";
    return false;
  }
  risk::AssessOptions o{*policy, {}, "", evidence_options};
  if (!a.waivers.empty()) {
    auto waivers = risk::load_waivers(a.waivers, &o.waivers_sha256);
    if (!waivers) {
      std::cerr << "pedigree: bad --waivers: " << waivers.error().message << "\n";
      return false;
    }
    o.waivers = std::move(*waivers);
  }
  o.options.push_back("policy=" + policy->name);
  if (!a.fail_on.empty()) o.options.push_back("fail-on=" + a.fail_on);
  risk::assess(r, o);
  return true;
}

int fail_on_exit_code(const report::Report& r, const RiskArgs& a) {
  if (a.fail_on.empty()) return 0;
  return risk::count_at_or_above(r, a.fail_on) > 0 ? 1 : 0;
}

}  // namespace pedigree::cli
