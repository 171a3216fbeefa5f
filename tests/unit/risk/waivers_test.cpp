#include "scanner/risk/waivers.h"

#include <doctest/doctest.h>

namespace pedigree::risk {

TEST_CASE("waivers: patterns match finding ids") {
  CHECK(matches_pattern("PEDIGREE-SVC-UPNP-*", "PEDIGREE-SVC-UPNP-0badcafe"));
  CHECK(matches_pattern("PEDIGREE-SVC-UPNP-0badcafe", "PEDIGREE-SVC-UPNP-0badcafe"));
  CHECK(matches_pattern("*-0badcaf?", "PEDIGREE-SVC-UPNP-0badcafe"));
  CHECK_FALSE(matches_pattern("PEDIGREE-SVC-*-1*", "PEDIGREE-SVC-UPNP-0badcafe"));
  CHECK_FALSE(matches_pattern("PEDIGREE-SVC", "PEDIGREE-SVC-UPNP-0badcafe"));
  CHECK(matches_pattern("*", ""));
}

TEST_CASE("waivers: a file parses; a waiver without reason, author or expiry is refused") {
  auto w = parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "PEDIGREE-SVC-UPNP-*", "reason": "LAN only",
                                          "author": "qa@example.com", "expires": "2027-01-31"}]})");
  REQUIRE(w.ok());
  REQUIRE(w->size() == 1);
  CHECK(w->front().expires == "2027-01-31");
  auto no_reason =
      parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "x", "author": "a", "expires": "2027-01-31"}]})");
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.error().message.find("reason") != std::string::npos);
  CHECK_FALSE(parse_waivers(R"({"waivers": [{"id": "W", "finding": "x", "reason": "r", "author": "a",
                                             "expires": "next year"}]})")
                  .ok());
  CHECK_FALSE(parse_waivers("[]").ok());
  CHECK_FALSE(parse_waivers("not json").ok());
}

TEST_CASE("waivers: a VEX statement is read and checked against the CycloneDX vocabularies") {
  auto w = parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "CVE-2023-38545", "reason": "SOCKS5 not built",
      "author": "qa", "expires": "2027-01-31", "state": "not_affected", "justification": "code_not_present",
      "response": ["will_not_fix", "update"]}]})");
  REQUIRE(w.ok());
  CHECK(w->front().state == "not_affected");
  CHECK(w->front().justification == "code_not_present");
  CHECK(w->front().responses == std::vector<std::string>{"will_not_fix", "update"});
  auto bad_state = parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "x", "reason": "r", "author": "a",
      "expires": "2027-01-31", "state": "fine"}]})");
  REQUIRE_FALSE(bad_state.ok());
  CHECK(bad_state.error().message == "waiver 1: \"state\" is not a CycloneDX value");
  // A justification explains why the product is not affected, and nothing else.
  auto stray = parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "x", "reason": "r", "author": "a",
      "expires": "2027-01-31", "state": "exploitable", "justification": "code_not_present"}]})");
  REQUIRE_FALSE(stray.ok());
  CHECK(stray.error().message.find("not_affected") != std::string::npos);
  CHECK_FALSE(parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "x", "reason": "r", "author": "a",
      "expires": "2027-01-31", "response": "update"}]})")
                  .ok());
  CHECK_FALSE(parse_waivers(R"({"waivers": [{"id": "W-1", "finding": "x", "reason": "r", "author": "a",
      "expires": "2027-01-31", "response": ["patch"]}]})")
                  .ok());
}

}  // namespace pedigree::risk
