// Text and JSON renderings of a report diff.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "scanner/report/report_diff.h"

namespace pedigree::report {
namespace {

using Json = nlohmann::ordered_json;

void text_items(std::string& out, const char* title, const char* mark, const std::vector<DiffItem>& items) {
  if (items.empty()) return;
  out += fmt::format("{} ({})\n", title, items.size());
  for (const auto& i : items) {
    out += i.detail.empty() ? fmt::format("  {} {}\n", mark, i.key)
                            : fmt::format("  {} {}  [{}]\n", mark, i.key, i.detail);
  }
  out += "\n";
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + (s.empty() ? std::string("(version unknown)") : s);
  return out;
}

Json items_json(const std::vector<DiffItem>& items) {
  Json out = Json::array();
  for (const auto& i : items) out.push_back({{"key", i.key}, {"detail", i.detail}});
  return out;
}

}  // namespace

std::string diff_to_text(const ReportDiff& d) {
  std::string out = fmt::format("old: {}\nnew: {}\n\n", d.old_image, d.new_image);
  if (d.empty()) return out + "No differences in components, vulnerabilities, vendors, chipsets or findings.\n";
  text_items(out, "Components added", "+", d.components_added);
  text_items(out, "Components removed", "-", d.components_removed);
  if (!d.components_changed.empty()) {
    out += fmt::format("Components at another version ({})\n", d.components_changed.size());
    for (const auto& c : d.components_changed) {
      std::string rel = c.relation.empty() ? "" : " (" + c.relation + ")";
      out += fmt::format("  ~ {}{}: {} → {}\n", c.name, rel, joined(c.old_versions), joined(c.new_versions));
    }
    out += "\n";
  }
  text_items(out, "Vulnerabilities introduced", "+", d.vulnerabilities_introduced);
  text_items(out, "Vulnerabilities fixed", "-", d.vulnerabilities_fixed);
  text_items(out, "Vendors added", "+", d.vendors_added);
  text_items(out, "Vendors removed", "-", d.vendors_removed);
  text_items(out, "Chipsets added", "+", d.chipsets_added);
  text_items(out, "Chipsets removed", "-", d.chipsets_removed);
  text_items(out, "New findings", "+", d.findings_new);
  text_items(out, "Resolved findings", "-", d.findings_resolved);
  return out;
}

std::string diff_to_json(const ReportDiff& d) {
  Json changed = Json::array();
  for (const auto& c : d.components_changed) {
    Json j{{"name", c.name}};
    if (!c.relation.empty()) j["relation"] = c.relation;
    j["old_versions"] = c.old_versions;
    j["new_versions"] = c.new_versions;
    changed.push_back(std::move(j));
  }
  Json j{{"schema", "pedigree-diff/1"},
         {"old", d.old_image},
         {"new", d.new_image},
         {"components",
          {{"added", items_json(d.components_added)},
           {"removed", items_json(d.components_removed)},
           {"changed", std::move(changed)}}},
         {"vulnerabilities",
          {{"introduced", items_json(d.vulnerabilities_introduced)}, {"fixed", items_json(d.vulnerabilities_fixed)}}},
         {"vendors", {{"added", items_json(d.vendors_added)}, {"removed", items_json(d.vendors_removed)}}},
         {"chipsets", {{"added", items_json(d.chipsets_added)}, {"removed", items_json(d.chipsets_removed)}}},
         {"findings", {{"new", items_json(d.findings_new)}, {"resolved", items_json(d.findings_resolved)}}}};
  return j.dump(2) + "\n";
}

}  // namespace pedigree::report
