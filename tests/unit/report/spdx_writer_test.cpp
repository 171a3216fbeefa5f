#include "scanner/report/spdx_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/report_model.h"

namespace pedigree {
namespace {

using nlohmann::json;

json find_package(const json& doc, const std::string& name) {
  for (const auto& p : doc["packages"]) {
    if (p["name"] == name) return p;
  }
  return {};
}

bool has_relationship(const json& doc, const std::string& from, const std::string& type, const std::string& to) {
  for (const auto& r : doc["relationships"]) {
    if (r["spdxElementId"] == from && r["relationshipType"] == type && r["relatedSpdxElement"] == to) return true;
  }
  return false;
}

TEST_CASE("spdx: the document describes the image, created on the reference date, and is deterministic") {
  auto r = test::small_report();
  std::string text = report::to_spdx(r);
  CHECK(text == report::to_spdx(r));
  json doc = json::parse(text);
  CHECK(doc["spdxVersion"] == "SPDX-2.3");
  CHECK(doc["dataLicense"] == "CC0-1.0");
  CHECK(doc["SPDXID"] == "SPDXRef-DOCUMENT");
  CHECK(doc["documentNamespace"].get<std::string>().starts_with("urn:uuid:"));
  CHECK(doc["creationInfo"]["created"] == "2026-01-31T00:00:00Z");
  CHECK(doc["creationInfo"]["creators"] == json::array({"Tool: pedigree-0.1.0"}));
  json image = find_package(doc, "router.bin");
  CHECK(image["SPDXID"] == "SPDXRef-Image");
  CHECK(image["primaryPackagePurpose"] == "FIRMWARE");
  CHECK(image["checksums"][0]["checksumValue"] == std::string(64, 'f'));
  CHECK(has_relationship(doc, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Image"));
}

TEST_CASE("spdx: one package per component with checksums, external references and relationships") {
  json doc = json::parse(report::to_spdx(test::small_report()));
  REQUIRE(doc["packages"].size() == 5);
  json bb = find_package(doc, "busybox");
  CHECK(bb["SPDXID"] == "SPDXRef-Package-busybox-1.36.1");
  CHECK(bb["versionInfo"] == "1.36.1");
  CHECK(bb["supplier"] == "Organization: BusyBox");
  CHECK(bb["downloadLocation"] == "NOASSERTION");
  CHECK(bb["filesAnalyzed"] == false);
  CHECK(bb["licenseConcluded"] == "NOASSERTION");
  CHECK(bb["copyrightText"] == "NOASSERTION");
  CHECK(bb["checksums"][0] == json{{"algorithm", "SHA256"}, {"checksumValue", std::string(64, 'a')}});
  CHECK(bb["externalRefs"][0]["referenceType"] == "cpe23Type");
  CHECK(bb["externalRefs"][0]["referenceCategory"] == "SECURITY");
  CHECK(bb["externalRefs"][1]["referenceType"] == "purl");
  CHECK(bb["externalRefs"][1]["referenceCategory"] == "PACKAGE-MANAGER");
  json glibc = find_package(doc, "glibc");
  CHECK(glibc["supplier"] == "NOASSERTION");
  CHECK(find_package(doc, "openssl")["comment"] == "relation: built-against");
  CHECK_FALSE(find_package(doc, "zlib").contains("versionInfo"));
  CHECK(has_relationship(doc, "SPDXRef-Image", "CONTAINS", "SPDXRef-Package-glibc-2.36"));
  CHECK(has_relationship(doc, "SPDXRef-Package-busybox-1.36.1", "DEPENDS_ON", "SPDXRef-Package-glibc-2.36"));
  CHECK_FALSE(has_relationship(doc, "SPDXRef-Package-glibc-2.36", "DEPENDS_ON", "SPDXRef-Package-busybox-1.36.1"));
}

TEST_CASE("spdx: component types map onto SPDX's package purposes") {
  report::Report r = test::small_report();
  r.components.resize(1);
  for (const auto& [type, purpose] : std::vector<std::pair<std::string, std::string>>{
           {"operating-system", "OPERATING_SYSTEM"}, {"library", "LIBRARY"}, {"application", "APPLICATION"}}) {
    r.components[0].type = type;
    json doc = json::parse(report::to_spdx(r));
    CHECK(doc["packages"][1]["primaryPackagePurpose"] == purpose);
  }
}

TEST_CASE("spdx: identifiers stay unique and within SPDX's alphabet") {
  report::Report r = test::small_report();
  r.components[0].name = "lib z";
  r.components[1].name = "lib/z";
  r.components[1].version = "1.36.1";
  json doc = json::parse(report::to_spdx(r));
  CHECK(doc["packages"][1]["SPDXID"] == "SPDXRef-Package-lib-z-1.36.1");
  CHECK(doc["packages"][2]["SPDXID"] == "SPDXRef-Package-lib-z-1.36.1-2");
}

TEST_CASE("spdx: a report with no components still describes the image") {
  report::Report r;
  r.tool_version = "0.1.0";
  r.image.name = "empty.bin";
  json doc = json::parse(report::to_spdx(r));
  CHECK(doc["packages"].size() == 1);
  CHECK(doc["relationships"].size() == 1);
  CHECK(doc["creationInfo"]["created"] == "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace pedigree
