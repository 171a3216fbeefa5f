#include "scanner/report/cyclonedx_writer.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "scanner/report/cyclonedx_vulnerabilities.h"
#include "scanner/report/json_sections.h"
#include "scanner/report/sbom_common.h"

namespace pedigree::report {
namespace {

constexpr std::string_view kSpecVersion = "1.6";
constexpr std::string_view kImageRef = "firmware-image";

/// How sure each kind of evidence makes us, and which CycloneDX technique it is.
struct Technique {
  std::string_view kind, technique;
  double confidence;
};
constexpr std::array<Technique, 8> kTechniques{{
    {"package-db", "manifest-analysis", 1.0},
    {"manifest", "manifest-analysis", 0.9},
    {"os-release", "manifest-analysis", 0.9},
    {"binary", "binary-analysis", 0.8},
    {"vermagic", "binary-analysis", 0.8},
    {"banner", "binary-analysis", 0.7},
    {"soname", "filename", 0.6},
    {"filename", "filename", 0.4},
}};

Technique technique_of(const std::string& kind) {
  for (const auto& t : kTechniques) {
    if (t.kind == kind) return t;
  }
  return {kind, "other", 0.3};
}

std::string component_type(const std::string& type) {
  static constexpr std::array<std::string_view, 6> kKnown{"application",      "library",  "framework",
                                                          "operating-system", "firmware", "device-driver"};
  return std::find(kKnown.begin(), kKnown.end(), type) != kKnown.end() ? type : "library";
}

Json sha256_hashes(const std::vector<std::string>& hashes) {
  std::set<std::string> unique(hashes.begin(), hashes.end());
  Json out = Json::array();
  for (const auto& h : unique) {
    if (!h.empty()) out.push_back({{"alg", "SHA-256"}, {"content", h}});
  }
  return out;
}

/// One identity claim ("name" or "version") backed by the evidence that supports it.
Json identity(const Component& c, const char* field, const std::string& value, bool version_only) {
  Json methods = Json::array();
  std::set<std::pair<std::string, std::string>> seen;
  double best = 0.0;
  for (const auto& e : c.evidence) {
    if (version_only && e.version.empty()) continue;
    Technique t = technique_of(e.kind);
    std::string said = e.text.empty() ? e.source : e.text;
    if (!seen.emplace(std::string(t.technique), said).second) continue;
    best = std::max(best, t.confidence);
    Json m{{"technique", t.technique}, {"confidence", t.confidence}};
    if (!said.empty()) m["value"] = said;
    methods.push_back(std::move(m));
  }
  if (methods.empty()) return nullptr;
  return Json{{"field", field}, {"confidence", best}, {"concludedValue", value}, {"methods", std::move(methods)}};
}

Json evidence(const Component& c) {
  Json ids = Json::array();
  if (Json j = identity(c, "name", c.name, false); !j.is_null()) ids.push_back(std::move(j));
  if (!c.version.empty()) {
    if (Json j = identity(c, "version", c.version, true); !j.is_null()) ids.push_back(std::move(j));
  }
  Json occurrences = Json::array();
  for (const auto& p : c.paths) occurrences.push_back({{"location", p}});
  Json out = Json::object();
  if (!ids.empty()) out["identity"] = std::move(ids);
  if (!occurrences.empty()) out["occurrences"] = std::move(occurrences);
  return out;
}

Json properties(const Component& c) {
  Json out = Json::array();
  if (!c.relation.empty()) out.push_back({{"name", "pedigree:relation"}, {"value", c.relation}});
  if (!c.distro_version.empty()) out.push_back({{"name", "pedigree:distro_version"}, {"value", c.distro_version}});
  return out;
}

Json component_json(const Component& c) {
  Json j{{"bom-ref", component_ref(c)}, {"type", component_type(c.type)}};
  if (!c.supplier.empty()) j["supplier"] = {{"name", c.supplier}};
  j["name"] = c.name;
  if (!c.version.empty()) j["version"] = c.version;
  if (Json h = sha256_hashes(c.sha256); !h.empty()) j["hashes"] = std::move(h);
  if (!c.cpe.empty()) j["cpe"] = c.cpe;
  if (!c.purl.empty()) j["purl"] = c.purl;
  if (Json e = evidence(c); !e.empty()) j["evidence"] = std::move(e);
  if (Json p = properties(c); !p.empty()) j["properties"] = std::move(p);
  return j;
}

Json metadata(const Report& r) {
  Json m = Json::object();
  if (auto ts = reference_timestamp(r); !ts.empty()) m["timestamp"] = ts;
  m["tools"] = {
      {"components", Json::array({{{"type", "application"}, {"name", "pedigree"}, {"version", r.tool_version}}})}};
  Json image{{"bom-ref", kImageRef}, {"type", "firmware"}, {"name", r.image.name}};
  if (!r.image.sha256.empty()) image["hashes"] = Json::array({{{"alg", "SHA-256"}, {"content", r.image.sha256}}});
  m["component"] = std::move(image);
  return m;
}

Json dependencies(const Report& r) {
  auto deps = component_dependencies(r);
  Json out = Json::array();
  Json image_deps = Json::array();
  for (const auto& c : r.components) image_deps.push_back(component_ref(c));
  out.push_back({{"ref", kImageRef}, {"dependsOn", std::move(image_deps)}});
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    Json on = Json::array();
    std::set<std::string> refs;
    for (std::size_t d : deps[i]) refs.insert(component_ref(r.components[d]));
    for (const auto& ref : refs) on.push_back(ref);
    out.push_back({{"ref", component_ref(r.components[i])}, {"dependsOn", std::move(on)}});
  }
  return out;
}

}  // namespace

std::string to_cyclonedx(const Report& r) {
  Json j;
  j["bomFormat"] = "CycloneDX";
  j["specVersion"] = kSpecVersion;
  j["serialNumber"] = "urn:uuid:" + document_uuid(r, "cyclonedx");
  j["version"] = 1;
  j["metadata"] = metadata(r);
  Json components = Json::array();
  for (const auto& c : r.components) components.push_back(component_json(c));
  j["components"] = std::move(components);
  j["dependencies"] = dependencies(r);
  if (Json v = cyclonedx_vulnerabilities(r, kImageRef); !v.empty()) j["vulnerabilities"] = std::move(v);
  return j.dump(2) + "\n";
}

}  // namespace pedigree::report
