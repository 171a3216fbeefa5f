#include "scanner/report/sarif_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "scanner/risk/assess.h"
#include "tests/unit/risk/fixture.h"

namespace pedigree::report {

TEST_CASE("sarif: one rule per kind, levels, locations in the image, fingerprints, suppressions") {
  auto r = test::risk_fixture();
  risk::assess(
      r, {*risk::load_policy("default"), {{"W-1", "PEDIGREE-SVC-UPNP-*", "LAN only", "qa", "2027-01-01"}}, "", {}});
  auto j = nlohmann::json::parse(to_sarif(r));
  CHECK(j["version"] == "2.1.0");
  const auto& run = j["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto& results = run["results"];
  CHECK(results.size() == r.findings.size());
  std::set<std::string> ids;
  for (const auto& rule : rules) ids.insert(rule["id"].get<std::string>());
  CHECK(ids.size() == rules.size());
  CHECK(ids.count("SVC-UPNP") == 1);
  for (const auto& res : results) {
    CHECK(rules[res["ruleIndex"].get<std::size_t>()]["id"] == res["ruleId"]);
    CHECK(res["partialFingerprints"]["pedigreeFindingId/v1"].get<std::string>().starts_with("PEDIGREE-"));
    if (res["ruleId"] == "SVC-UPNP") {
      CHECK(res["level"] == "warning");
      CHECK(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
            "image.bin/0x40000.squashfs/etc/init.d/miniupnpd");
      CHECK(res["suppressions"][0]["status"] == "accepted");
    }
    if (res["ruleId"] == "VULN-KEV") CHECK(res["level"] == "error");
  }
  CHECK(to_sarif(r) == to_sarif(r));
}

}  // namespace pedigree::report
