#include "scanner/risk/summary.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "scanner/risk/rule_data.h"
#include "scanner/risk/severity.h"

namespace pedigree::risk {
namespace {

constexpr std::array<const char*, 7> kAreas = {"origin",         "vulnerabilities", "crypto",  "credentials",
                                               "attack-surface", "hardening",       "coverage"};
constexpr std::size_t kTopReasons = 3;

template <typename T>
void count(T& counts, const std::string& severity) {
  switch (severity_rank(severity).value_or(0)) {
    case 4: ++counts.critical; break;
    case 3: ++counts.high; break;
    case 2: ++counts.medium; break;
    case 1: ++counts.low; break;
    default: ++counts.info; break;
  }
}

}  // namespace

report::RiskSummary summarize(const report::Report& r, const std::string& policy) {
  report::RiskSummary s;
  s.policy = policy;
  for (const char* a : kAreas) s.areas.push_back({a});
  int highest = -1;
  for (const auto& f : r.findings) {  // already sorted, most severe first
    auto& area =
        *std::find_if(s.areas.begin(), s.areas.end(), [&](const auto& a) { return a.area == kind_info(f.kind).area; });
    if (f.waived) {
      ++s.waived;
      ++area.waived;
      continue;
    }
    count(s, f.severity);
    count(area, f.severity);
    highest = std::max(highest, severity_rank(f.severity).value_or(0));
    std::string reason = f.severity + ": " + f.title;
    if (area.top.size() < kTopReasons && std::find(area.top.begin(), area.top.end(), reason) == area.top.end()) {
      area.top.push_back(std::move(reason));
    }
  }
  s.highest = highest < 0 ? "none" : severity_name(highest);
  return s;
}

namespace {

/// The record a provision on documenting components keeps of an SBOM this scan wrote.
std::string sbom_evidence(const report::SbomRecord& s) {
  std::string format = s.format == "cyclonedx" ? "CycloneDX " + s.spec_version : s.spec_version;
  return fmt::format("SBOM produced: {} with {} component(s), written to {}", format, s.components, s.path);
}

}  // namespace

std::vector<report::ProvisionVerdict> provision_verdicts(const report::Report& r) {
  const auto& m = provisions_map();
  std::vector<report::ProvisionVerdict> out;
  for (const auto& p : m.provisions) {
    report::ProvisionVerdict v{p.id, p.framework, p.title, "", {}};
    for (const auto& f : r.findings) {
      if (!f.waived && std::find(f.provisions.begin(), f.provisions.end(), p.id) != f.provisions.end()) {
        v.findings.push_back(f.id);
      }
    }
    if (std::find(m.sbom_provisions.begin(), m.sbom_provisions.end(), p.id) != m.sbom_provisions.end()) {
      for (const auto& s : r.sboms) v.evidence.push_back(sbom_evidence(s));
    }
    bool unassessable = std::find(m.not_assessable.begin(), m.not_assessable.end(), p.id) != m.not_assessable.end();
    v.verdict = !v.findings.empty() ? "evidence of non-conformity"
                : unassessable      ? "not assessable from firmware"
                                    : "no evidence found";
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace pedigree::risk
