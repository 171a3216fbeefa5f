#include "scanner/report/report_diff.h"

#include <doctest/doctest.h>

namespace pedigree::report {
namespace {

const char* kOld = R"({"schema": "pedigree-report/1", "image": {"name": "fw-1.0.bin", "sha256": "aa"},
  "components": [{"name": "busybox", "version": "1.35.0"}, {"name": "dropbear", "version": "2022.83"},
                 {"name": "openssl", "version": "1.1.1n", "relation": "built-against"}, {"name": "zlib", "version": "1.2.13"}],
  "vulnerabilities": [{"id": "CVE-2023-48795", "component": "dropbear", "version": "2022.83", "severity": "medium", "cvss": 5.9, "kev": false},
                      {"id": "CVE-2022-48174", "component": "busybox", "version": "1.35.0", "severity": "critical", "cvss": 9.8, "kev": false}],
  "vendors": [{"name": "Acme", "country": "CN", "lists": [{"list": "fcc-covered"}]}],
  "findings": [{"id": "PEDIGREE-CRED-1", "severity": "critical", "title": "root has an empty password"}]})";

const char* kNew = R"({"schema": "pedigree-report/1", "image": {"name": "fw-1.1.bin", "sha256": "bb"},
  "components": [{"name": "busybox", "version": "1.36.1"}, {"name": "dropbear", "version": "2022.83"},
                 {"name": "openssl", "version": "3.0.11", "relation": "built-against"}, {"name": "curl", "version": "7.88.1"}],
  "vulnerabilities": [{"id": "CVE-2023-48795", "component": "dropbear", "version": "2022.83", "severity": "medium", "cvss": 5.9, "kev": false},
                      {"id": "CVE-2023-38545", "component": "curl", "version": "7.88.1", "severity": "critical", "cvss": 9.8, "kev": true}],
  "vendors": [],
  "findings": []})";

TEST_CASE("report diff: components, vulnerabilities, vendors and findings that changed") {
  auto d = diff_reports(kOld, kNew);
  REQUIRE(d.ok());
  CHECK(d->old_image == "fw-1.0.bin (sha256 aa)");
  REQUIRE(d->components_added.size() == 1);
  CHECK(d->components_added[0].key == "curl 7.88.1");
  REQUIRE(d->components_removed.size() == 1);
  CHECK(d->components_removed[0].key == "zlib 1.2.13");
  REQUIRE(d->components_changed.size() == 2);
  CHECK(d->components_changed[0].name == "busybox");
  CHECK(d->components_changed[0].old_versions == std::vector<std::string>{"1.35.0"});
  CHECK(d->components_changed[0].new_versions == std::vector<std::string>{"1.36.1"});
  CHECK(d->components_changed[1].relation == "built-against");
  REQUIRE(d->vulnerabilities_introduced.size() == 1);
  CHECK(d->vulnerabilities_introduced[0].key == "CVE-2023-38545 curl 7.88.1");
  CHECK(d->vulnerabilities_introduced[0].detail == "critical 9.8 KEV");
  REQUIRE(d->vulnerabilities_fixed.size() == 1);
  CHECK(d->vulnerabilities_fixed[0].key == "CVE-2022-48174 busybox 1.35.0");
  REQUIRE(d->vendors_removed.size() == 1);
  CHECK(d->vendors_removed[0].detail == "CN, 1 list entries");
  REQUIRE(d->findings_resolved.size() == 1);
  CHECK(d->findings_resolved[0].detail == "critical: root has an empty password");
  std::string text = diff_to_text(*d);
  CHECK(text.find("~ busybox: 1.35.0 → 1.36.1") != std::string::npos);
  CHECK(text.find("Vulnerabilities fixed (1)") != std::string::npos);
  CHECK(diff_to_json(*d).find("\"schema\": \"pedigree-diff/1\"") != std::string::npos);
}

TEST_CASE("report diff: a report against itself has no differences") {
  auto d = diff_reports(kNew, kNew);
  REQUIRE(d.ok());
  CHECK(d->empty());
  CHECK(diff_to_text(*d).find("No differences") != std::string::npos);
}

TEST_CASE("report diff: what is not a pedigree report is refused, naming which") {
  auto a = diff_reports("{\"schema\": \"other\"}", kNew);
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().message == "the old report is not a pedigree report");
  auto b = diff_reports(kOld, "{truncated");
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().message == "the new report is not JSON");
  CHECK(diff_reports(kOld, "[1, 2]").ok() == false);
}

}  // namespace
}  // namespace pedigree::report
