#include "scanner/risk/assess.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/risk/fixture.h"

namespace pedigree::risk {
namespace {

report::Report assessed(const std::string& policy, std::vector<Waiver> waivers = {}) {
  auto r = test::risk_fixture();
  auto p = load_policy(policy);
  REQUIRE(p.ok());
  assess(r, {*p, std::move(waivers), "", {}});
  return r;
}

const report::Finding* by_kind(const report::Report& r, const std::string& kind) {
  auto it = std::find_if(r.findings.begin(), r.findings.end(), [&](const auto& f) { return f.kind == kind; });
  return it == r.findings.end() ? nullptr : &*it;
}

TEST_CASE("assess: findings from vulnerabilities, end of life, hardening, lists and security facts") {
  auto r = assessed("default");
  REQUIRE(by_kind(r, "VULN-KEV") != nullptr);
  CHECK(by_kind(r, "VULN-KEV")->severity == "high");  // CVSS 5.3 is medium, KEV raises it
  REQUIRE(by_kind(r, "EOL") != nullptr);
  CHECK(by_kind(r, "EOL")->title.find("1.1.1") != std::string::npos);
  REQUIRE(by_kind(r, "HARDENING") != nullptr);
  CHECK(by_kind(r, "HARDENING")->evidence.find("/usr/sbin/httpd") != std::string::npos);
  CHECK(by_kind(r, "LISTED-VENDOR")->severity == "high");
  CHECK(by_kind(r, "SVC-UPNP")->provisions ==
        std::vector<std::string>{"ETSI 5.6-1", "ETSI 5.6-4", "CRA I-1(2)(j)", "NIST logical access"});
  CHECK(r.findings.front().severity == "high");  // most severe first
  CHECK(r.risk.highest == "high");
  CHECK(r.risk.policy == "default");
}

TEST_CASE("assess: each preset judges the same facts differently") {
  CHECK(by_kind(assessed("us-procurement"), "LISTED-VENDOR")->severity == "critical");
  CHECK(by_kind(assessed("eu-cra"), "LISTED-VENDOR")->severity == "info");
  CHECK(by_kind(assessed("eu-cra"), "VULN-KEV")->severity == "critical");
  CHECK(by_kind(assessed("eu-cra"), "EOL")->severity == "high");
  CHECK(assessed("us-procurement").risk.highest == "critical");
}

TEST_CASE("assess: a user policy denies a country and drops a finding kind") {
  auto p = parse_policy(R"({"name": "strict", "countries": {"denied": ["CN"], "severity": "critical"},
                            "severity_overrides": {"SVC-*": "ignore"}})");
  REQUIRE(p.ok());
  auto r = test::risk_fixture();
  assess(r, {*p, {}, "", {}});
  REQUIRE(by_kind(r, "VENDOR-ORIGIN") != nullptr);
  CHECK(by_kind(r, "VENDOR-ORIGIN")->severity == "critical");
  CHECK(by_kind(r, "SVC-UPNP") == nullptr);
  CHECK(r.risk.policy == "strict");
}

TEST_CASE("assess: an active waiver takes a finding out of --fail-on; an expired one does not") {
  auto plain = assessed("default");
  CHECK(count_at_or_above(plain, "medium") >= 1);
  std::size_t before = count_at_or_above(plain, "info");
  auto waived = assessed("default", {{"W-1", "PEDIGREE-SVC-UPNP-*", "LAN only", "qa", "2027-01-01"}});
  CHECK(count_at_or_above(waived, "info") == before - 1);
  CHECK(by_kind(waived, "SVC-UPNP")->waived);
  CHECK(waived.waivers.front().status == "active");
  CHECK(waived.risk.waived == 1);
  auto expired = assessed("default", {{"W-1", "PEDIGREE-SVC-UPNP-*", "LAN only", "qa", "2026-11-29"}});
  CHECK(count_at_or_above(expired, "info") == before);
  CHECK_FALSE(by_kind(expired, "SVC-UPNP")->waived);
  CHECK(by_kind(expired, "SVC-UPNP")->waiver_expired);
  CHECK(expired.waivers.front().status == "expired");
  CHECK(std::any_of(expired.warnings.begin(), expired.warnings.end(),
                    [](const auto& w) { return w.kind == "waiver-expired"; }));
}

TEST_CASE("assess: the provisions table gives a verdict for every provision") {
  auto r = assessed("default");
  auto find = [&](const std::string& id) {
    return *std::find_if(r.provisions.begin(), r.provisions.end(), [&](const auto& p) { return p.id == id; });
  };
  CHECK(find("CRA I-1(2)(a)").verdict == "evidence of non-conformity");
  CHECK(find("ETSI 5.1-1").verdict == "no evidence found");
  CHECK(find("CRA I-1(2)(j)").findings.size() == 1);
  auto waived = assessed("default", {{"W-1", "PEDIGREE-SVC-UPNP-*", "LAN only", "qa", "2027-01-01"}});
  CHECK(std::find_if(waived.provisions.begin(), waived.provisions.end(), [](const auto& p) {
          return p.id == "CRA I-1(2)(j)";
        })->verdict == "no evidence found");
}

TEST_CASE("assess: a waiver may name a vulnerability by its id, and keeps its VEX statement") {
  Waiver w{"W-2", "CVE-2024-0001", "not reachable", "qa", "2027-01-01", "not_affected", "code_not_reachable", {}};
  auto r = assessed("default", {w});
  REQUIRE(r.vulnerabilities.size() == 1);
  const std::string& finding = r.vulnerabilities.front().finding;
  CHECK(finding.starts_with("PEDIGREE-VULN-KEV-"));
  auto f = std::find_if(r.findings.begin(), r.findings.end(), [&](const auto& x) { return x.id == finding; });
  REQUIRE(f != r.findings.end());
  CHECK(f->waived);
  CHECK(f->waiver == "W-2");
  REQUIRE(r.waivers.size() == 1);
  CHECK(r.waivers.front().matched == 1);
  CHECK(r.waivers.front().state == "not_affected");
  CHECK(r.waivers.front().justification == "code_not_reachable");
  // The same pattern names no other kind of finding.
  auto svc = assessed("default", {{"W-3", "CVE-*", "x", "qa", "2027-01-01"}});
  CHECK_FALSE(by_kind(svc, "SVC-UPNP")->waived);
}

TEST_CASE("assess: an SBOM the scan wrote is recorded under the provision on documenting components") {
  auto plain = assessed("default");
  auto sbom_provision = [](const report::Report& r) {
    return *std::find_if(r.provisions.begin(), r.provisions.end(), [](const auto& p) { return p.id == "CRA I-2(1)"; });
  };
  CHECK(sbom_provision(plain).evidence.empty());
  auto r = test::risk_fixture();
  r.sboms.push_back({"cyclonedx", "1.6", "out/sbom.cdx.json", 1});
  r.sboms.push_back({"spdx", "SPDX-2.3", "out/sbom.spdx.json", 1});
  auto p = load_policy("default");
  REQUIRE(p.ok());
  assess(r, {*p, {}, "", {}});
  CHECK(sbom_provision(r).evidence ==
        std::vector<std::string>{"SBOM produced: CycloneDX 1.6 with 1 component(s), written to out/sbom.cdx.json",
                                 "SBOM produced: SPDX-2.3 with 1 component(s), written to out/sbom.spdx.json"});
}

TEST_CASE("assess: same inputs, same findings and ids") {
  auto a = assessed("default");
  auto b = assessed("default");
  REQUIRE(a.findings.size() == b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) CHECK(a.findings[i].id == b.findings[i].id);
  CHECK(a.evidence.rules_sha256.size() == 64);
}

}  // namespace
}  // namespace pedigree::risk
