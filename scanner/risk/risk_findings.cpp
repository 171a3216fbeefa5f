#include "scanner/risk/risk_findings.h"

#include <fmt/format.h>
#include <algorithm>

#include "scanner/risk/eol.h"
#include "scanner/risk/rule_data.h"
#include "scanner/risk/severity.h"
#include "scanner/security/finding_rules.h"

namespace pedigree::risk {
namespace {

constexpr std::uint64_t kUnknownExamples = 3;

/// The first file that carries the component, else the image: the finding's place.
std::string component_origin(const report::Report& r, const std::string& name, const std::string& version) {
  for (const auto& c : r.components) {
    if (c.name == name && c.version == version && !c.paths.empty()) return c.paths.front();
  }
  return r.image.name;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void add(report::Report& r, std::string_view kind, const std::string& detail, std::string severity,
         std::string category, std::string title, const std::string& origin, std::string evidence) {
  security::add_finding(r, kind, detail, std::move(severity), std::move(category), std::move(title), origin,
                        std::move(evidence), kind_info(kind).remediation);
}

std::vector<std::string> missing_mitigations(const report::Binary& b) {
  std::vector<std::string> out;
  if (!b.nx) out.emplace_back("NX");
  if (b.type == "exec" && b.pie == "no") out.emplace_back("PIE");
  if (b.relro != "full") out.emplace_back(b.relro == "partial" ? "full RELRO" : "RELRO");
  if (!b.canary) out.emplace_back("stack canary");
  return out;
}

}  // namespace

void add_vulnerability_findings(report::Report& r, const Policy& p) {
  for (auto& v : r.vulnerabilities) {
    std::string severity = cvss_severity(v.cvss);
    std::string why = v.cvss >= 0 ? fmt::format("CVSS {:.1f}", v.cvss) : "CVSS unknown";
    if (v.kev) {
      severity = at_least(severity, "high");
      why += ", on the KEV catalog" + (v.kev_date_added.empty() ? "" : " since " + v.kev_date_added);
    }
    if (v.epss >= 0) {
      why += fmt::format(", EPSS {:.3f}", v.epss);
      if (v.epss >= p.epss_high) severity = at_least(severity, "high");
    }
    std::string evidence = fmt::format("{} {} matches {}{}; {}", v.component, v.version, v.range,
                                       v.fixed_in.empty() ? "" : ", fixed in " + v.fixed_in, why);
    if (v.status == "backport-possible") evidence += "; the distribution may have backported the fix";
    add(r, v.kev ? "VULN-KEV" : "VULN", v.id + " " + v.component + " " + v.version + " " + v.relation, severity,
        "vulnerability", fmt::format("{} in {} {} ({})", v.id, v.component, v.version, why),
        component_origin(r, v.component, v.version), std::move(evidence));
    v.finding = r.findings.back().id;
  }
}

void add_eol_findings(report::Report& r) {
  static const auto kTable = parse_eol_table(eol_table_text());
  for (const auto& c : r.components) {
    if (c.version.empty() || !c.relation.empty()) continue;
    auto e = find_eol(kTable, c.name, c.version);
    if (!e || e->eol >= r.reference_date) continue;
    add(r, "EOL", c.name + " " + e->branch, "medium", "end-of-life",
        fmt::format("{} {}: branch {} reached end of life on {}", c.name, c.version, e->branch, e->eol),
        c.paths.empty() ? r.image.name : c.paths.front(), fmt::format("End of life per {}", e->source));
  }
}

void add_hardening_finding(report::Report& r, const Policy& p) {
  std::uint64_t total = 0, lacking = 0;
  std::map<std::string, std::uint64_t> per;
  std::vector<std::pair<std::size_t, std::string>> worst;  // (missing count, origin)
  for (const auto& b : r.binaries) {
    if (b.type != "exec" && b.type != "dyn") continue;
    ++total;
    auto missing = missing_mitigations(b);
    if (missing.empty()) continue;
    ++lacking;
    for (const auto& m : missing) ++per[m];
    worst.emplace_back(missing.size(), b.origin + " (no " + fmt::format("{}", fmt::join(missing, ", no ")) + ")");
  }
  if (lacking == 0) return;
  std::sort(worst.begin(), worst.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (worst.size() > p.hardening_examples) worst.resize(p.hardening_examples);
  std::string evidence;
  for (const auto& [m, n] : per) evidence += fmt::format("{}without {}: {}", evidence.empty() ? "" : "; ", m, n);
  evidence += ". Worst: ";
  for (std::size_t i = 0; i < worst.size(); ++i) evidence += (i ? "; " : "") + worst[i].second;
  double share = static_cast<double>(lacking) / static_cast<double>(total);
  add(r, "HARDENING", "", share >= p.hardening_medium_share ? "medium" : "low", "hardening",
      fmt::format("{} of {} ELF executables and libraries lack exploit mitigations", lacking, total), r.image.name,
      std::move(evidence));
}

void add_vendor_findings(report::Report& r, const Policy& p) {
  for (const auto& v : r.vendors) {
    if (contains(p.allowed_vendors, v.name)) continue;
    std::string where = v.roles.empty() ? r.image.name : v.roles.front().origin;
    std::string who = v.name + (v.country.empty() ? "" : " (" + v.country + ")");
    std::string role = v.roles.empty() ? "" : v.roles.front().role + " of " + v.roles.front().subject;
    for (const auto& l : v.lists) {
      std::string sev = p.list_severity(l.list);
      if (sev == "ignore") continue;
      add(r, "LISTED-VENDOR", v.name + " " + l.list, sev, "origin",
          fmt::format("{} is named on {}{}", who, l.list, l.via == v.name ? "" : " through " + l.via), where,
          fmt::format("{} ({}): \"{}\"{}; {}", l.list, l.jurisdiction, l.entity,
                      l.date_added.empty() ? "" : ", added " + l.date_added, role));
    }
    if (contains(p.denied_vendors, v.name)) {
      add(r, "VENDOR-DENIED", v.name, p.vendor_severity, "origin", who + " is denied by the policy", where, role);
    }
    bool denied = contains(p.denied_countries, v.country);
    bool outside = !p.allowed_countries.empty() && !v.country.empty() && !contains(p.allowed_countries, v.country);
    if (denied || outside) {
      add(r, "VENDOR-ORIGIN", v.name, p.country_severity, "origin",
          fmt::format("{} is based in {}, {} by the policy", v.name, v.country, denied ? "denied" : "not allowed"),
          where, role);
    }
  }
}

void add_region_findings(report::Report& r) {
  for (const auto& w : r.warnings) {
    if (w.kind != "encrypted") continue;
    add(r, "REGION-ENCRYPTED", w.message, "medium", "coverage", "Region that looks encrypted was not assessed",
        w.origin, w.message);
  }
  std::uint64_t bytes = 0, count = 0;
  std::string examples;
  for (const auto& g : r.regions) {
    if (g.kind != "unknown") continue;
    bytes += g.size;
    if (count++ < kUnknownExamples) {
      examples += fmt::format("{}{} @0x{:x} ({} bytes, entropy {:.2f})", examples.empty() ? "" : "; ", g.origin,
                              g.offset, g.size, g.entropy);
    }
  }
  if (count == 0) return;
  add(r, "REGION-UNKNOWN", "", "info", "coverage",
      fmt::format("{} bytes in {} unknown regions were not assessed", bytes, count), r.image.name, examples);
}

}  // namespace pedigree::risk
