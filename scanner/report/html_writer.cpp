#include "scanner/report/html_writer.h"

#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "scanner/report/html_parts.h"

namespace pedigree::report {
namespace {

constexpr int kChartBarHeight = 22, kChartWidth = 640, kChartLabel = 160;

void summary_section(std::string& o, const Report& r) {
  const RiskSummary& s = r.risk;
  o += "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  auto card = [&](const char* id, const std::string& label, const std::string& value) {
    o += fmt::format("<div class=\"card\" id=\"{}\"><div class=\"v\">{}</div><div>{}</div></div>", id,
                     html_escape(value), html_escape(label));
  };
  card("highest", "highest severity (policy " + s.policy + ")", s.highest);
  card("critical", "critical", std::to_string(s.critical));
  card("high", "high", std::to_string(s.high));
  card("medium", "medium", std::to_string(s.medium));
  card("low", "low", std::to_string(s.low));
  card("waived", "waived", std::to_string(s.waived));
  card("vulns", "known vulnerabilities", std::to_string(r.vulnerabilities.size()));
  card("vendors", "vendors", std::to_string(r.vendors.size()));
  card("components", "components", std::to_string(r.components.size()));
  o += "</div>";
  Table t{"areas", {"area", "critical", "high", "medium", "low", "waived", "top reasons"}, {}};
  for (const auto& a : s.areas) {
    std::string top;
    for (const auto& reason : a.top) top += (top.empty() ? "" : "\n") + reason;
    t.rows.push_back({a.area, std::to_string(a.critical), std::to_string(a.high), std::to_string(a.medium),
                      std::to_string(a.low), std::to_string(a.waived), top});
  }
  o += table_html(t) + "</section>";
}

void country_chart(std::string& o, const Report& r) {
  std::map<std::string, int> per;
  for (const auto& v : r.vendors) ++per[v.country.empty() ? "unknown" : v.country];
  std::vector<std::pair<std::string, int>> bars(per.begin(), per.end());
  std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  int most = bars.empty() ? 1 : bars.front().second;
  int height = static_cast<int>(bars.size()) * kChartBarHeight + 4;
  o += fmt::format(
      "<svg id=\"country-chart\" role=\"img\" aria-label=\"vendors by country\" width=\"{}\" "
      "height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
      kChartWidth, height);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    int y = static_cast<int>(i) * kChartBarHeight;
    int w = (kChartWidth - kChartLabel - 40) * bars[i].second / most;
    o += fmt::format(
        "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text>",
        y + 16, html_escape(bars[i].first), kChartLabel, y + 3, w, kChartBarHeight - 6, kChartLabel + w + 6, y + 16,
        bars[i].second);
  }
  o += "</svg>";
}

void vendor_section(std::string& o, const Report& r) {
  o += "<section id=\"vendors-section\"><h2>Vendors by country</h2>";
  country_chart(o, r);
  Table t{"vendors", {"vendor", "country", "parents", "roles", "lists"}, {}};
  for (const auto& v : r.vendors) {
    std::string roles, lists, parents;
    for (const auto& x : v.roles) roles += (roles.empty() ? "" : "\n") + x.role + ": " + x.subject;
    for (const auto& l : v.lists) lists += (lists.empty() ? "" : "\n") + l.list + " (" + l.entity + ")";
    for (const auto& p : v.parents) parents += (parents.empty() ? "" : "\n") + p;
    t.rows.push_back({v.name, v.country, parents, roles, lists});
  }
  o += table_html(t) + "</section>";
}

}  // namespace

std::string to_html(const Report& r) {
  std::string o = page_head(r);
  summary_section(o, r);
  vendor_section(o, r);
  o += findings_section(r);
  o += vulnerabilities_section(r);
  o += crypto_section(r);
  o += credentials_section(r);
  o += provisions_section(r);
  o += evidence_section(r);
  o += page_tail();
  return o;
}

}  // namespace pedigree::report
