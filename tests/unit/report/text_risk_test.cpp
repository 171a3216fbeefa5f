#include "scanner/report/text_risk.h"

#include <doctest/doctest.h>

#include "scanner/risk/assess.h"
#include "tests/unit/risk/fixture.h"

namespace pedigree::report {

TEST_CASE("text_risk: the summary names the policy, the counts, the areas' reasons and expired waivers") {
  auto r = test::risk_fixture();
  risk::assess(r,
               {*risk::load_policy("us-procurement"), {{"W-9", "PEDIGREE-NOPE-*", "old", "qa", "2020-01-01"}}, "", {}});
  std::string out;
  risk_section(out, r, false);
  CHECK(out.find("Risk (policy us-procurement): highest critical") != std::string::npos);
  CHECK(out.find("critical: Hikvision (CN) is named on fcc-covered") != std::string::npos);
  CHECK(out.find("vulnerabilities") != std::string::npos);
  CHECK(out.find("waiver W-9 is expired") != std::string::npos);
  CHECK(out.find("\x1b[") == std::string::npos);
}

}  // namespace pedigree::report
