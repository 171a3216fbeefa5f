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

}  // namespace pedigree::risk
