#include "scanner/risk/assess.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "scanner/risk/risk_findings.h"
#include "scanner/risk/rule_data.h"
#include "scanner/risk/severity.h"
#include "scanner/risk/summary.h"

namespace pedigree::risk {
namespace {

/// "PEDIGREE-SVC-UPNP-1a2b3c4d" → "SVC-UPNP".
std::string kind_of(const std::string& id) {
  constexpr std::string_view kPrefix = "PEDIGREE-";
  std::string_view s = id;
  if (s.starts_with(kPrefix)) s.remove_prefix(kPrefix.size());
  auto dash = s.rfind('-');
  return std::string(dash == std::string_view::npos ? s : s.substr(0, dash));
}

void judge(report::Report& r, const Policy& p) {
  std::vector<report::Finding> kept;
  for (auto& f : r.findings) {
    if (f.kind.empty()) f.kind = kind_of(f.id);
    f.severity = p.apply_override(f.kind, f.severity);
    if (f.severity == "ignore") continue;
    f.provisions = kind_info(f.kind).provisions;
    kept.push_back(std::move(f));
  }
  r.findings = std::move(kept);
}

/// Each vulnerability finding's vulnerability id, so that a waiver may name the CVE.
std::map<std::string, std::string> vulnerability_ids(const report::Report& r) {
  std::map<std::string, std::string> out;
  for (const auto& v : r.vulnerabilities) {
    if (!v.finding.empty()) out.emplace(v.finding, v.id);
  }
  return out;
}

void apply_waivers(report::Report& r, const std::vector<Waiver>& waivers) {
  const auto vuln_of = vulnerability_ids(r);
  for (const auto& w : waivers) {
    bool expired = w.expires < r.reference_date;
    report::WaiverStatus st{w.id, w.finding, w.reason,        w.author,   w.expires, expired ? "expired" : "active",
                            0,    w.state,   w.justification, w.responses};
    for (auto& f : r.findings) {
      if (!f.waiver.empty() && !f.waiver_expired) continue;  // the first active waiver wins
      auto vuln = vuln_of.find(f.id);
      if (!matches_pattern(w.finding, f.id) && (vuln == vuln_of.end() || !matches_pattern(w.finding, vuln->second)))
        continue;
      ++st.matched;
      f.waiver = w.id;
      f.waiver_expired = expired;
      f.waived = !expired;
    }
    if (st.matched == 0) st.status = expired ? "expired" : "unused";
    if (expired) {
      r.warnings.push_back({"waiver-expired", w.id,
                            "waiver " + w.id + " expired on " + w.expires + "; the findings it names count again"});
    }
    r.waivers.push_back(std::move(st));
  }
}

void sort_findings(report::Report& r) {
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const report::Finding& a, const report::Finding& b) {
    return std::make_tuple(-severity_rank(a.severity).value_or(0), a.id, a.origin) <
           std::make_tuple(-severity_rank(b.severity).value_or(0), b.id, b.origin);
  });
}

}  // namespace

void assess(report::Report& r, const AssessOptions& o) {
  add_vulnerability_findings(r, o.policy);
  add_eol_findings(r);
  add_hardening_finding(r, o.policy);
  add_vendor_findings(r, o.policy);
  add_region_findings(r);
  judge(r, o.policy);
  apply_waivers(r, o.waivers);
  sort_findings(r);
  r.risk = summarize(r, o.policy.name);
  r.provisions = provision_verdicts(r);
  r.evidence.rules_sha256 = rules_sha256();
  r.evidence.policy_sha256 = o.policy.sha256;
  r.evidence.waivers_sha256 = o.waivers_sha256;
  r.evidence.options = o.options;
  std::sort(r.evidence.options.begin(), r.evidence.options.end());
}

std::size_t count_at_or_above(const report::Report& r, const std::string& severity) {
  int floor = severity_rank(severity).value_or(0);
  return static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(), [&](const auto& f) {
    return !f.waived && severity_rank(f.severity).value_or(0) >= floor;
  }));
}

}  // namespace pedigree::risk
