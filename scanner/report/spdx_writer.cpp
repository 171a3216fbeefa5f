#include "scanner/report/spdx_writer.h"

#include <array>
#include <set>
#include <utility>

#include "scanner/report/json_sections.h"
#include "scanner/report/sbom_common.h"

namespace pedigree::report {
namespace {

constexpr std::string_view kNoAssertion = "NOASSERTION";
constexpr std::string_view kDocumentId = "SPDXRef-DOCUMENT";
constexpr std::string_view kImageId = "SPDXRef-Image";
/// Used when the report carries no reference date: SPDX requires a creation time.
constexpr std::string_view kUnknownTime = "1970-01-01T00:00:00Z";

/// An SPDX identifier from a component reference: letters, digits, '.' and '-' only.
std::string spdx_id(const std::string& ref) {
  std::string out = "SPDXRef-Package-";
  for (char ch : ref) {
    bool ok =
        (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
    out += ok ? ch : '-';
  }
  return out;
}

/// One SPDX identifier per component, unique even where two references
/// differ only in characters SPDX does not allow.
std::vector<std::string> package_ids(const Report& r) {
  std::vector<std::string> ids;
  std::set<std::string> used;
  for (const auto& c : r.components) {
    std::string base = spdx_id(component_ref(c)), id = base;
    for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    ids.push_back(id);
  }
  return ids;
}

std::string purpose(const std::string& type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kPurposes{{
      {"application", "APPLICATION"},
      {"operating-system", "OPERATING_SYSTEM"},
      {"firmware", "FIRMWARE"},
      {"library", "LIBRARY"},
  }};
  for (const auto& [cdx, spdx] : kPurposes) {
    if (cdx == type) return std::string(spdx);
  }
  return "LIBRARY";
}

Json checksums(const std::vector<std::string>& hashes) {
  std::set<std::string> unique(hashes.begin(), hashes.end());
  Json out = Json::array();
  for (const auto& h : unique) {
    if (!h.empty()) out.push_back({{"algorithm", "SHA256"}, {"checksumValue", h}});
  }
  return out;
}

void no_licence_facts(Json& p) {
  p["licenseConcluded"] = kNoAssertion;
  p["licenseDeclared"] = kNoAssertion;
  p["copyrightText"] = kNoAssertion;
}

Json package_json(const Component& c, const std::string& id) {
  Json p{{"SPDXID", id}, {"name", c.name}};
  if (!c.version.empty()) p["versionInfo"] = c.version;
  p["supplier"] = c.supplier.empty() ? std::string(kNoAssertion) : "Organization: " + c.supplier;
  p["downloadLocation"] = kNoAssertion;
  p["filesAnalyzed"] = false;
  if (Json sums = checksums(c.sha256); !sums.empty()) p["checksums"] = std::move(sums);
  no_licence_facts(p);
  Json refs = Json::array();
  if (!c.cpe.empty()) {
    refs.push_back({{"referenceCategory", "SECURITY"}, {"referenceType", "cpe23Type"}, {"referenceLocator", c.cpe}});
  }
  if (!c.purl.empty()) {
    refs.push_back({{"referenceCategory", "PACKAGE-MANAGER"}, {"referenceType", "purl"}, {"referenceLocator", c.purl}});
  }
  if (!refs.empty()) p["externalRefs"] = std::move(refs);
  p["primaryPackagePurpose"] = purpose(c.type);
  std::string note;
  if (!c.relation.empty()) note = "relation: " + c.relation;
  if (!c.distro_version.empty())
    note += (note.empty() ? "" : "; ") + std::string("packaged version: ") + c.distro_version;
  if (!note.empty()) p["comment"] = note;
  return p;
}

Json image_package(const Report& r) {
  Json p{{"SPDXID", kImageId}, {"name", r.image.name}, {"downloadLocation", kNoAssertion}, {"filesAnalyzed", false}};
  if (!r.image.sha256.empty())
    p["checksums"] = Json::array({{{"algorithm", "SHA256"}, {"checksumValue", r.image.sha256}}});
  no_licence_facts(p);
  p["primaryPackagePurpose"] = "FIRMWARE";
  return p;
}

Json relationship(std::string_view from, std::string_view type, std::string_view to) {
  return {{"spdxElementId", from}, {"relationshipType", type}, {"relatedSpdxElement", to}};
}

Json relationships(const Report& r, const std::vector<std::string>& ids) {
  Json out = Json::array({relationship(kDocumentId, "DESCRIBES", kImageId)});
  for (const auto& id : ids) out.push_back(relationship(kImageId, "CONTAINS", id));
  auto deps = component_dependencies(r);
  for (std::size_t i = 0; i < deps.size(); ++i) {
    std::set<std::string> targets;
    for (std::size_t d : deps[i]) targets.insert(ids[d]);
    for (const auto& t : targets) out.push_back(relationship(ids[i], "DEPENDS_ON", t));
  }
  return out;
}

}  // namespace

std::string to_spdx(const Report& r) {
  std::string created = reference_timestamp(r);
  Json j;
  j["spdxVersion"] = "SPDX-2.3";
  j["dataLicense"] = "CC0-1.0";
  j["SPDXID"] = kDocumentId;
  j["name"] = r.image.name;
  j["documentNamespace"] = "urn:uuid:" + document_uuid(r, "spdx");
  j["creationInfo"] = {{"created", created.empty() ? std::string(kUnknownTime) : created},
                       {"creators", Json::array({"Tool: pedigree-" + r.tool_version})}};
  std::vector<std::string> ids = package_ids(r);
  Json packages = Json::array({image_package(r)});
  for (std::size_t i = 0; i < r.components.size(); ++i) packages.push_back(package_json(r.components[i], ids[i]));
  j["packages"] = std::move(packages);
  j["relationships"] = relationships(r, ids);
  return j.dump(2) + "\n";
}

}  // namespace pedigree::report
