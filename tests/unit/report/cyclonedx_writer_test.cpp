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

}  // namespace
}  // namespace pedigree
