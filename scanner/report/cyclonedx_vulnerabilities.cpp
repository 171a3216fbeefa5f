#include "scanner/report/cyclonedx_vulnerabilities.h"

#include <fmt/format.h>
#include <array>
#include <cctype>
#include <set>
#include <unordered_map>

#include "scanner/report/sbom_common.h"

namespace pedigree::report {
namespace {

constexpr std::string_view kNvdDetail = "https://nvd.nist.gov/vuln/detail/";
constexpr std::string_view kOsvDetail = "https://osv.dev/vulnerability/";

struct RatingMethod {
  std::string_view cvss_version, method;
};
constexpr std::array<RatingMethod, 5> kMethods{
    {{"2.0", "CVSSv2"}, {"3.0", "CVSSv3"}, {"3.1", "CVSSv31"}, {"4.0", "CVSSv4"}, {"2", "CVSSv2"}}};

std::string_view method_of(std::string_view cvss_version) {
  for (const auto& m : kMethods) {
    if (m.cvss_version == cvss_version) return m.method;
  }
  return "other";
}

Json source_of(const std::string& id) {
  if (id.starts_with("CVE-")) return {{"name", "NVD"}, {"url", std::string(kNvdDetail) + id}};
  return {{"name", "OSV"}, {"url", std::string(kOsvDetail) + id}};
}

/// "CWE-787|CWE-122" (or comma-separated) → [787, 122]; anything else is skipped.
Json cwe_numbers(std::string_view text) {
  Json out = Json::array();
  std::set<int> seen;
  for (std::size_t at = text.find("CWE-"); at != std::string_view::npos; at = text.find("CWE-", at + 4)) {
    int n = 0;
    std::size_t i = at + 4, digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits < 6; ++i, ++digits) {
      n = n * 10 + (text[i] - '0');
    }
    if (digits > 0 && seen.insert(n).second) out.push_back(n);
  }
  return out;
}

/// A published date or time as RFC 3339 ("2023-10-18" → "2023-10-18T00:00:00Z"); empty when it is neither.
std::string rfc3339(const std::string& published) {
  auto digits_at = [&](std::initializer_list<std::size_t> at) {
    for (std::size_t i : at) {
      if (i >= published.size() || !std::isdigit(static_cast<unsigned char>(published[i]))) return false;
    }
    return true;
  };
  if (published.size() < 10 || published[4] != '-' || published[7] != '-' || !digits_at({0, 1, 2, 3, 5, 6, 8, 9}))
    return "";
  bool has_time = published.size() >= 19 && published[10] == 'T' && published[13] == ':' && published[16] == ':' &&
                  digits_at({11, 12, 14, 15, 17, 18});
  return has_time ? published.substr(0, 19) + "Z" : published.substr(0, 10) + "T00:00:00Z";
}

const Component* component_of(const Report& r, const Vulnerability& v) {
  for (const auto& c : r.components) {
    if (c.name == v.component && c.version == v.version && c.relation == v.relation) return &c;
  }
  return nullptr;
}

const WaiverStatus* waiver_of(const Report& r, const std::string& id) {
  for (const auto& w : r.waivers) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

/// The VEX statement the report can make about this vulnerability; null when it has none.
Json analysis(const Report& r, const Vulnerability& v, const Finding* f) {
  if (f != nullptr && f->waived) {
    const WaiverStatus* w = waiver_of(r, f->waiver);
    if (w != nullptr) {
      Json a{{"state", w->state.empty() ? "in_triage" : w->state}};
      if (!w->justification.empty()) a["justification"] = w->justification;
      if (!w->responses.empty()) a["response"] = w->responses;
      a["detail"] = fmt::format("Waiver {} by {}, valid until {}: {}", w->id, w->author, w->expires, w->reason);
      return a;
    }
  }
  if (v.status == "backport-possible") {
    return {{"state", "in_triage"},
            {"detail",
             "The version is in the affected range, but the component carries a distribution revision "
             "that may include a backported fix."}};
  }
  return nullptr;
}

Json properties(const Vulnerability& v, const Finding* f) {
  Json out = Json::array();
  auto put = [&](const char* name, const std::string& value) {
    if (!value.empty()) out.push_back({{"name", std::string("pedigree:") + name}, {"value", value}});
  };
  put("finding", v.finding);
  put("status", v.status);
  put("matched-range", v.range);
  put("criteria", v.criteria);
  if (v.kev) put("kev", "true");
  put("kev-date-added", v.kev_date_added);
  if (v.epss >= 0) put("epss", fmt::format("{:.5f}", v.epss));
  if (f != nullptr && f->waiver_expired) put("waiver-expired", f->waiver);
  return out;
}

/// Findings by id: an old kernel alone can carry thousands of vulnerabilities.
using FindingIndex = std::unordered_map<std::string_view, const Finding*>;

Json entry(const Report& r, const Vulnerability& v, const FindingIndex& findings, std::string_view image_ref) {
  const Component* c = component_of(r, v);
  auto found = findings.find(v.finding);
  const Finding* f = found == findings.end() ? nullptr : found->second;
  Json j{{"bom-ref", "vulnerability:" + v.id + ":" + (c ? component_ref(*c) : v.component + "@" + v.version)},
         {"id", v.id},
         {"source", source_of(v.id)}};
  if (v.cvss >= 0) {
    Json rating{{"source", {{"name", v.source.empty() ? "NVD" : v.source}}},
                {"score", v.cvss},
                {"severity", v.severity},
                {"method", method_of(v.cvss_version)}};
    if (!v.cvss_vector.empty()) rating["vector"] = v.cvss_vector;
    j["ratings"] = Json::array({std::move(rating)});
  }
  if (Json cwes = cwe_numbers(v.cwes); !cwes.empty()) j["cwes"] = std::move(cwes);
  if (!v.summary.empty()) j["description"] = v.summary;
  if (!v.fixed_in.empty()) j["recommendation"] = fmt::format("Upgrade {} to {} or later.", v.component, v.fixed_in);
  if (auto ts = rfc3339(v.published); !ts.empty()) j["published"] = ts;
  if (Json a = analysis(r, v, f); !a.is_null()) j["analysis"] = std::move(a);
  j["affects"] = Json::array({{{"ref", c ? component_ref(*c) : std::string(image_ref)},
                               {"versions", Json::array({{{"version", v.version.empty() ? "unknown" : v.version},
                                                          {"status", "affected"}}})}}});
  if (Json p = properties(v, f); !p.empty()) j["properties"] = std::move(p);
  return j;
}

}  // namespace

Json cyclonedx_vulnerabilities(const Report& r, std::string_view image_ref) {
  Json out = Json::array();
  std::set<std::string> refs;  // bom-refs must be unique in the document
  FindingIndex findings;
  for (const auto& f : r.findings) findings.emplace(f.id, &f);
  for (const auto& v : r.vulnerabilities) {
    Json e = entry(r, v, findings, image_ref);
    if (refs.insert(e["bom-ref"].get<std::string>()).second) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace pedigree::report
