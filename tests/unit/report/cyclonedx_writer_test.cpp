#include "scanner/report/cyclonedx_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/report_model.h"

namespace pedigree {
namespace {

using nlohmann::json;

json find_component(const json& doc, const std::string& ref) {
  for (const auto& c : doc["components"]) {
    if (c["bom-ref"] == ref) return c;
  }
  return {};
}

TEST_CASE("cyclonedx: the image is the firmware component and the document is deterministic") {
  auto r = test::small_report();
  std::string text = report::to_cyclonedx(r);
  CHECK(text == report::to_cyclonedx(r));
  json doc = json::parse(text);
  CHECK(doc["bomFormat"] == "CycloneDX");
  CHECK(doc["specVersion"] == "1.6");
  CHECK(doc["version"] == 1);
  CHECK(doc["serialNumber"].get<std::string>().starts_with("urn:uuid:"));
  CHECK(doc["metadata"]["timestamp"] == "2026-01-31T00:00:00Z");
  CHECK(doc["metadata"]["tools"]["components"][0]["name"] == "pedigree");
  CHECK(doc["metadata"]["tools"]["components"][0]["version"] == "0.1.0");
  const json& image = doc["metadata"]["component"];
  CHECK(image["type"] == "firmware");
  CHECK(image["name"] == "router.bin");
  CHECK(image["hashes"][0]["content"] == std::string(64, 'f'));
  // Another image, another serial number.
  r.image.sha256 = std::string(64, 'e');
  CHECK(json::parse(report::to_cyclonedx(r))["serialNumber"] != doc["serialNumber"]);
}

TEST_CASE("cyclonedx: a component carries its names, hashes, evidence and properties") {
  json doc = json::parse(report::to_cyclonedx(test::small_report()));
  REQUIRE(doc["components"].size() == 4);
  json bb = find_component(doc, "busybox@1.36.1");
  CHECK(bb["type"] == "application");
  CHECK(bb["version"] == "1.36.1");
  CHECK(bb["cpe"] == "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*");
  CHECK(bb["purl"] == "pkg:generic/busybox@1.36.1");
  CHECK(bb["supplier"]["name"] == "BusyBox");
  CHECK(bb["hashes"] == json::parse(R"([{"alg":"SHA-256","content":")" + std::string(64, 'a') + "\"}]"));
  CHECK(bb["evidence"]["occurrences"][0]["location"] == "router.bin @0x40000 squashfs → /bin/busybox");
  const json& ids = bb["evidence"]["identity"];
  REQUIRE(ids.size() == 2);
  CHECK(ids[0]["field"] == "name");
  CHECK(ids[1]["field"] == "version");
  CHECK(ids[1]["concludedValue"] == "1.36.1");
  CHECK(ids[1]["confidence"] == 1.0);  // the package database said so
  CHECK(ids[1]["methods"].size() == 2);
  CHECK(bb["properties"][0] == json{{"name", "pedigree:distro_version"}, {"value", "1:1.36.1-3"}});
  json ssl = find_component(doc, "openssl@3.0.11+built-against");
  CHECK(ssl["properties"][0] == json{{"name", "pedigree:relation"}, {"value", "built-against"}});
  CHECK_FALSE(ssl.contains("cpe"));
  json zlib = find_component(doc, "zlib@");
  CHECK_FALSE(zlib.contains("version"));
  CHECK(zlib["evidence"]["identity"].size() == 1);
}

TEST_CASE("cyclonedx: dependencies follow NEEDED to the library's component") {
  json doc = json::parse(report::to_cyclonedx(test::small_report()));
  json by_ref;
  for (const auto& d : doc["dependencies"]) by_ref[d["ref"].get<std::string>()] = d["dependsOn"];
  CHECK(by_ref["busybox@1.36.1"] == json::array({"glibc@2.36"}));
  CHECK(by_ref["glibc@2.36"] == json::array());
  CHECK(by_ref["firmware-image"].size() == 4);
}

TEST_CASE("cyclonedx: a report with no components is still a complete document") {
  report::Report r;
  r.tool_version = "0.1.0";
  r.image.name = "empty.bin";
  json doc = json::parse(report::to_cyclonedx(r));
  CHECK(doc["components"] == json::array());
  CHECK_FALSE(doc["metadata"].contains("timestamp"));
  CHECK(doc["metadata"]["component"]["name"] == "empty.bin");
}

json find_vulnerability(const json& doc, const std::string& id) {
  for (const auto& v : doc["vulnerabilities"]) {
    if (v["id"] == id) return v;
  }
  return {};
}

TEST_CASE("cyclonedx: vulnerabilities carry ratings, the component they affect and VEX analysis") {
  json doc = json::parse(report::to_cyclonedx(test::small_report_with_vulnerabilities()));
  REQUIRE(doc["vulnerabilities"].size() == 3);
  CHECK(doc["vulnerabilities"][0]["id"] == "CVE-2023-4911");  // the report's order: KEV first
  json libc = find_vulnerability(doc, "CVE-2023-4911");
  CHECK(libc["source"]["url"] == "https://nvd.nist.gov/vuln/detail/CVE-2023-4911");
  CHECK(libc["ratings"][0]["method"] == "CVSSv31");
  CHECK(libc["ratings"][0]["score"] == 7.8);
  CHECK(libc["cwes"] == json::array({122, 787}));
  CHECK(libc["published"] == "2023-10-03T00:00:00Z");
  CHECK(libc["affects"][0]["ref"] == "glibc@2.36");
  CHECK(libc["affects"][0]["versions"][0] == json{{"version", "2.36"}, {"status", "affected"}});
  // The active waiver's statement is the analysis.
  CHECK(libc["analysis"]["state"] == "not_affected");
  CHECK(libc["analysis"]["justification"] == "requires_environment");
  CHECK(libc["analysis"]["response"] == json::array({"will_not_fix"}));
  CHECK(libc["analysis"]["detail"] == "Waiver W-1 by qa@example.com, valid until 2027-01-31: no setuid binaries");
  // A distribution revision: in triage, the fix may be there.
  json bb = find_vulnerability(doc, "CVE-2022-48174");
  CHECK(bb["analysis"]["state"] == "in_triage");
  CHECK(bb["published"] == "2023-08-22T19:16:19Z");
  CHECK(bb["recommendation"] == "Upgrade busybox to 1.36.2 or later.");
  // An expired waiver makes no statement; the document says it expired.
  json ssl = find_vulnerability(doc, "CVE-2023-5678");
  CHECK_FALSE(ssl.contains("analysis"));
  CHECK(ssl["affects"][0]["ref"] == "openssl@3.0.11+built-against");
  bool expired_said = false;
  for (const auto& p : ssl["properties"]) expired_said |= p["name"] == "pedigree:waiver-expired" && p["value"] == "W-0";
  CHECK(expired_said);
}

TEST_CASE("cyclonedx: a waiver without a state puts the vulnerability in triage, not out of scope") {
  auto r = test::small_report_with_vulnerabilities();
  r.waivers[1].state.clear();
  r.waivers[1].justification.clear();
  r.waivers[1].responses.clear();
  json libc = find_vulnerability(json::parse(report::to_cyclonedx(r)), "CVE-2023-4911");
  CHECK(libc["analysis"]["state"] == "in_triage");
  CHECK_FALSE(libc["analysis"].contains("justification"));
  CHECK(json::parse(report::to_cyclonedx(test::small_report())).contains("vulnerabilities") == false);
}

}  // namespace
}  // namespace pedigree
