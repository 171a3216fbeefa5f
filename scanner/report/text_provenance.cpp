#include "scanner/report/text_provenance.h"

#include <set>

#include <fmt/format.h>

namespace pedigree::report {
namespace {

std::string paint(bool color, const char* code, std::string_view s) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
}

std::string role_summary(const Vendor& v) {
  std::set<std::string> roles;
  for (const auto& r : v.roles) roles.insert(r.role + " (" + r.subject + ")");
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r;
  return out;
}

void vendors_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (r.vendors.empty()) return;
  out += paint(color, "1", fmt::format("Vendors ({})", r.vendors.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& v : r.vendors) {
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more (see the JSON report)\n", r.vendors.size() - max_rows);
      break;
    }
    out += fmt::format("  {:<28} {:<3} {}\n", v.name, v.country.empty() ? "?" : v.country, role_summary(v));
    for (const auto& l : v.lists) {
      std::string via = l.via == v.name ? "" : fmt::format(" (via {})", l.via);
      out += "      " +
             paint(color, "31",
                   fmt::format("listed: {} — {}{}, since {}", l.list, l.entity, via,
                               l.date_added.empty() ? "?" : l.date_added)) +
             "\n";
    }
  }
  out += "\n";
}

void vulnerabilities_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (r.vulnerabilities.empty()) return;
  std::size_t kev = 0;
  for (const auto& v : r.vulnerabilities) kev += v.kev ? 1 : 0;
  out += paint(color, "1",
               fmt::format("Known vulnerabilities ({}, {} actively exploited)", r.vulnerabilities.size(), kev)) +
         "\n";
  std::size_t shown = 0;
  for (const auto& v : r.vulnerabilities) {
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more (see the JSON report)\n", r.vulnerabilities.size() - max_rows);
      break;
    }
    std::string score = v.cvss < 0 ? "  -  " : fmt::format("{:4.1f} ", v.cvss);
    std::string flags = v.kev ? paint(color, "31", " KEV") : "";
    if (v.status == "backport-possible") flags += " (fix may be backported)";
    std::string fixed = v.fixed_in.empty() ? "" : fmt::format(", fixed in {}", v.fixed_in);
    out += fmt::format("  {:<16} {} {:<8} {} {}{}{}\n", v.id, score, v.severity, v.component, v.version, fixed, flags);
  }
  out += "\n";
}

}  // namespace

void provenance_sections(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  vendors_section(out, r, color, max_rows);
  vulnerabilities_section(out, r, color, max_rows);
}

}  // namespace pedigree::report
