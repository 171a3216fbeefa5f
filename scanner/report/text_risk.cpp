#include "scanner/report/text_risk.h"

#include <fmt/format.h>

namespace pedigree::report {

void risk_section(std::string& out, const Report& r, bool color) {
  const RiskSummary& s = r.risk;
  if (s.policy.empty()) return;
  auto bold = [&](const std::string& t) { return color ? "\x1b[1m" + t + "\x1b[0m" : t; };
  out += bold(fmt::format("Risk (policy {}): highest {}", s.policy, s.highest)) + "\n";
  out += fmt::format("  {} critical, {} high, {} medium, {} low, {} info; {} waived\n", s.critical, s.high, s.medium,
                     s.low, s.info, s.waived);
  for (const auto& a : s.areas) {
    std::uint64_t n = a.critical + a.high + a.medium + a.low + a.info;
    if (n == 0 && a.waived == 0) continue;
    out += fmt::format("  {:<16} {} finding{}{}\n", a.area, n, n == 1 ? "" : "s",
                       a.waived == 0 ? "" : fmt::format(" ({} waived)", a.waived));
    for (const auto& reason : a.top) out += "      " + reason + "\n";
  }
  for (const auto& w : r.waivers) {
    if (w.status != "active") out += fmt::format("  waiver {} is {} (expires {})\n", w.id, w.status, w.expires);
  }
  for (const auto& p : r.provisions) {
    for (const auto& e : p.evidence) out += fmt::format("  {} ({})\n", e, p.id);
  }
  out += "\n";
}

}  // namespace pedigree::report
