#include "scanner/risk/policy.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/risk/rule_data.h"

namespace pedigree::risk {

TEST_CASE("policy: the three presets are built in and parse") {
  for (const auto& name : preset_policy_names()) {
    auto p = load_policy(name);
    REQUIRE_MESSAGE(p.ok(), name);
    CHECK(p->name == name);
    CHECK(p->sha256.size() == 64);
  }
  CHECK(preset_policy_names() == std::vector<std::string>{"default", "us-procurement", "eu-cra"});
}

TEST_CASE("policy: list severities, overrides by kind and by prefix") {
  auto p = parse_policy(R"({"lists": {"entity-list": "low", "*": "ignore"},
                            "severity_overrides": {"CRED-*": "critical", "CRED-UID0": "low"}})");
  REQUIRE(p.ok());
  CHECK(p->list_severity("entity-list") == "low");
  CHECK(p->list_severity("fcc-covered") == "ignore");  // the file's map replaces the default's
  CHECK(p->list_severity("uk-designated-vendor") == "ignore");
  CHECK(p->apply_override("CRED-EMPTY", "high") == "critical");
  CHECK(p->apply_override("CRED-UID0", "high") == "low");
  CHECK(p->apply_override("SVC-FTP", "medium") == "medium");
  auto thresholds = parse_policy(R"({"thresholds": {"epss_high": 0.2}})");
  REQUIRE(thresholds.ok());
  CHECK(thresholds->list_severity("fcc-covered") == "high");  // not stated: the default preset's
}

TEST_CASE("policy: bad files are clear errors") {
  CHECK_FALSE(parse_policy("{").ok());
  CHECK_FALSE(parse_policy(R"({"lists": {"x": "severe"}})").ok());
  CHECK_FALSE(parse_policy(R"({"countries": {"severity": "urgent"}})").ok());
  CHECK_FALSE(parse_policy("[]").ok());
  auto missing = load_policy("/nonexistent/policy.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/nonexistent/policy.json") != std::string::npos);
}

TEST_CASE("policy: every finding kind the mapping names has help, remediation and known provisions") {
  const auto& m = provisions_map();
  CHECK(m.kinds.size() >= 25);
  for (const auto& [kind, info] : m.kinds) {
    CHECK_MESSAGE(!info.help.empty(), kind);
    CHECK_MESSAGE(!info.remediation.empty(), kind);
    for (const auto& p : info.provisions) {
      bool known = std::any_of(m.provisions.begin(), m.provisions.end(), [&](const auto& x) { return x.id == p; });
      CHECK_MESSAGE(known, (kind + " names " + p));
    }
  }
  CHECK(kind_info("CRED-EMPTY").provisions.front() == "ETSI 5.1-1");
}

}  // namespace pedigree::risk
