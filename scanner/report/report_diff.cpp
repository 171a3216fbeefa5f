#include "scanner/report/report_diff.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pedigree::report {
namespace {

using Json = nlohmann::ordered_json;

/// Reads a string field; absent or not a string gives "".
std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json& section(const Json& doc, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = doc.find(key);
  return it != doc.end() && it->is_array() ? *it : kEmpty;
}

Result<Json> parse_report(std::string_view text, const char* which) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return make_error(Errc::kCorrupt, fmt::format("the {} report is not JSON", which));
  }
  std::string schema = str(doc, "schema");
  if (schema.rfind("pedigree-report/", 0) != 0) {
    return make_error(Errc::kCorrupt, fmt::format("the {} report is not a pedigree report", which));
  }
  return doc;
}

/// key → detail of every item of a section.
using Keyed = std::map<std::string, std::string>;

template <typename KeyFn, typename DetailFn>
Keyed keyed(const Json& items, KeyFn key, DetailFn detail) {
  Keyed out;
  for (const auto& item : items) {
    if (item.is_object()) out.emplace(key(item), detail(item));
  }
  return out;
}

/// Items of `a` whose key `b` lacks.
std::vector<DiffItem> missing_from(const Keyed& a, const Keyed& b) {
  std::vector<DiffItem> out;
  for (const auto& [k, d] : a) {
    if (b.find(k) == b.end()) out.push_back({k, d});
  }
  return out;
}

void split(const Keyed& old_items, const Keyed& new_items, std::vector<DiffItem>& added,
           std::vector<DiffItem>& removed) {
  added = missing_from(new_items, old_items);
  removed = missing_from(old_items, new_items);
}

/// (name, relation) → versions, for version changes.
using VersionMap = std::map<std::pair<std::string, std::string>, std::set<std::string>>;

VersionMap versions_of(const Json& components) {
  VersionMap out;
  for (const auto& c : components) {
    if (c.is_object()) out[{str(c, "name"), str(c, "relation")}].insert(str(c, "version"));
  }
  return out;
}

std::string component_key(const Json& c) {
  std::string rel = str(c, "relation");
  return fmt::format("{} {}{}", str(c, "name"), str(c, "version").empty() ? "(version unknown)" : str(c, "version"),
                     rel.empty() ? "" : " (" + rel + ")");
}

/// Components of `items` whose name (and relation) `other` has at no version.
Keyed only_in(const Json& items, const VersionMap& other) {
  Keyed out;
  for (const auto& c : items) {
    if (c.is_object() && other.find({str(c, "name"), str(c, "relation")}) == other.end()) {
      out.emplace(component_key(c), str(c, "cpe"));
    }
  }
  return out;
}

void diff_components(const Json& o, const Json& n, ReportDiff& d) {
  VersionMap ov = versions_of(section(o, "components")), nv = versions_of(section(n, "components"));
  for (const auto& [key, versions] : nv) {
    auto it = ov.find(key);
    if (it == ov.end()) continue;
    if (it->second != versions) {
      d.components_changed.push_back(
          {key.first, key.second, {it->second.begin(), it->second.end()}, {versions.begin(), versions.end()}});
    }
  }
  for (auto& [k, detail] : only_in(section(n, "components"), ov)) d.components_added.push_back({k, detail});
  for (auto& [k, detail] : only_in(section(o, "components"), nv)) d.components_removed.push_back({k, detail});
}

std::string vuln_detail(const Json& v) {
  std::string score =
      v.contains("cvss") && v["cvss"].is_number() ? fmt::format("{:.1f}", v["cvss"].get<double>()) : "-";
  bool kev = v.value("kev", false);
  return fmt::format("{} {}{}", str(v, "severity"), score, kev ? " KEV" : "");
}

}  // namespace

bool ReportDiff::empty() const {
  return components_added.empty() && components_removed.empty() && components_changed.empty() &&
         vulnerabilities_introduced.empty() && vulnerabilities_fixed.empty() && vendors_added.empty() &&
         vendors_removed.empty() && chipsets_added.empty() && chipsets_removed.empty() && findings_new.empty() &&
         findings_resolved.empty();
}

Result<ReportDiff> diff_reports(std::string_view old_json, std::string_view new_json) {
  auto o = parse_report(old_json, "old");
  if (!o) return o.error();
  auto n = parse_report(new_json, "new");
  if (!n) return n.error();
  ReportDiff d;
  auto image = [](const Json& doc) {
    const Json& i = doc.contains("image") ? doc["image"] : Json::object();
    return fmt::format("{} (sha256 {})", str(i, "name"), str(i, "sha256"));
  };
  d.old_image = image(*o);
  d.new_image = image(*n);
  diff_components(*o, *n, d);
  auto vkey = [](const Json& v) {
    return fmt::format("{} {} {}", str(v, "id"), str(v, "component"), str(v, "version"));
  };
  // A vulnerability is fixed when the new image no longer has it for that
  // component at any version, not merely because the version moved on.
  auto vid = [](const Json& v) { return fmt::format("{} {}", str(v, "id"), str(v, "component")); };
  Keyed ov = keyed(section(*o, "vulnerabilities"), vid, vkey), nv = keyed(section(*n, "vulnerabilities"), vid, vkey);
  Keyed ovd = keyed(section(*o, "vulnerabilities"), vkey, vuln_detail);
  Keyed nvd = keyed(section(*n, "vulnerabilities"), vkey, vuln_detail);
  for (const auto& item : missing_from(nv, ov)) d.vulnerabilities_introduced.push_back({item.detail, nvd[item.detail]});
  for (const auto& item : missing_from(ov, nv)) d.vulnerabilities_fixed.push_back({item.detail, ovd[item.detail]});
  auto vendor_key = [](const Json& v) { return str(v, "name"); };
  auto vendor_detail = [](const Json& v) {
    std::size_t lists = v.contains("lists") && v["lists"].is_array() ? v["lists"].size() : 0;
    return fmt::format("{}{}", str(v, "country").empty() ? "?" : str(v, "country"),
                       lists == 0 ? "" : fmt::format(", {} list entries", lists));
  };
  split(keyed(section(*o, "vendors"), vendor_key, vendor_detail),
        keyed(section(*n, "vendors"), vendor_key, vendor_detail), d.vendors_added, d.vendors_removed);
  auto chip_key = [](const Json& c) { return fmt::format("{} {}", str(c, "vendor"), str(c, "model")); };
  auto chip_detail = [](const Json& c) { return str(c, "country"); };
  split(keyed(section(*o, "chipsets"), chip_key, chip_detail), keyed(section(*n, "chipsets"), chip_key, chip_detail),
        d.chipsets_added, d.chipsets_removed);
  auto finding_key = [](const Json& f) { return str(f, "id"); };
  auto finding_detail = [](const Json& f) { return fmt::format("{}: {}", str(f, "severity"), str(f, "title")); };
  split(keyed(section(*o, "findings"), finding_key, finding_detail),
        keyed(section(*n, "findings"), finding_key, finding_detail), d.findings_new, d.findings_resolved);
  return d;
}

}  // namespace pedigree::report
