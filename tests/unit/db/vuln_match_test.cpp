#include "scanner/db/vuln_match.h"

#include <doctest/doctest.h>

#include <vector>

namespace pedigree::db {
namespace {

CpeRange bounds(std::string si, std::string se, std::string ei, std::string ee) {
  CpeRange r;
  r.criteria = "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*";
  r.start_including = std::move(si);
  r.start_excluding = std::move(se);
  r.end_including = std::move(ei);
  r.end_excluding = std::move(ee);
  return r;
}

CpeRange exact(std::string version) {
  CpeRange r;
  r.version = std::move(version);
  return r;
}

TEST_CASE("nvd semantics: start including, end excluding") {
  CpeRange r = bounds("3.0.0", "", "", "3.0.7");
  CHECK_FALSE(match_cpe_range(r, "1.1.1w"));
  CHECK(match_cpe_range(r, "3.0.0"));
  CHECK(match_cpe_range(r, "3.0.6"));
  CHECK_FALSE(match_cpe_range(r, "3.0.7"));
  CHECK_FALSE(match_cpe_range(r, "3.0.0-alpha1"));
  auto hit = match_cpe_range(r, "3.0.2");
  REQUIRE(hit);
  CHECK(hit->status == MatchStatus::kVulnerable);
  CHECK(hit->range == ">= 3.0.0, < 3.0.7");
  CHECK(hit->fixed_in == "3.0.7");
}

TEST_CASE("nvd semantics: start excluding, end including") {
  CpeRange r = bounds("", "2022.82", "2024.84", "");
  CHECK_FALSE(match_cpe_range(r, "2022.82"));
  CHECK(match_cpe_range(r, "2022.83"));
  CHECK(match_cpe_range(r, "2024.84"));
  CHECK_FALSE(match_cpe_range(r, "2024.85"));
  CHECK(match_cpe_range(r, "2024.84")->range == "> 2022.82, <= 2024.84");
  CHECK(match_cpe_range(r, "2024.84")->fixed_in.empty());
}

TEST_CASE("nvd semantics: end only, OpenSSH patch levels") {
  CpeRange r = bounds("", "", "", "9.6");
  CHECK(match_cpe_range(r, "9.3p2"));
  CHECK(match_cpe_range(r, "9.5p1"));
  CHECK_FALSE(match_cpe_range(r, "9.6p1"));
}

TEST_CASE("nvd semantics: exact versions, `*` and `-`") {
  CHECK(match_cpe_range(exact("1.0.2k"), "1.0.2k"));
  CHECK_FALSE(match_cpe_range(exact("1.0.2k"), "1.0.2l"));
  CHECK(match_cpe_range(exact("5.10"), "5.10.0"));
  CHECK(match_cpe_range(exact("1.0.2k"), "1.0.2k")->range == "= 1.0.2k");
  CHECK(match_cpe_range(exact("*"), "0.1"));
  CHECK(match_cpe_range(exact("*"), "0.1")->range == "all versions");
  CHECK_FALSE(match_cpe_range(exact("-"), "1.0"));
  CHECK_FALSE(match_cpe_range(exact("*"), ""));
}

TEST_CASE("nvd semantics: platform conditions and negated nodes never match alone") {
  CpeRange r = exact("*");
  r.vulnerable = false;
  CHECK_FALSE(match_cpe_range(r, "1.0"));
  CHECK(cpe_range_contains(r, "1.0"));
}

TEST_CASE("nvd semantics: a distro revision makes the status backport-possible") {
  CpeRange r = bounds("1.35.0", "", "", "1.36.1");
  auto hit = match_cpe_range(r, "1:1.35.0-4+deb12u1");
  REQUIRE(hit);
  CHECK(hit->status == MatchStatus::kBackportPossible);
  CHECK(match_status_name(hit->status) == "backport-possible");
  auto openssl = match_cpe_range(bounds("3.0.0", "", "", "3.0.13"), "3.0.11-1~deb12u2");
  REQUIRE(openssl);
  CHECK(openssl->status == MatchStatus::kBackportPossible);
  CHECK(match_cpe_range(r, "1.35.0")->status == MatchStatus::kVulnerable);
  CHECK_FALSE(match_cpe_range(r, "1.36.1-1"));
}

OsvRange osv(std::string type, std::vector<OsvEvent> events) { return OsvRange{std::move(type), std::move(events)}; }
using K = OsvEvent::Kind;

TEST_CASE("osv semantics: introduced / fixed") {
  OsvRange r = osv("SEMVER", {{K::kIntroduced, "0"}, {K::kFixed, "2.86"}});
  CHECK(osv_range_contains(r, "2.80"));
  CHECK(osv_range_contains(r, "0.1"));
  CHECK_FALSE(osv_range_contains(r, "2.86"));
  CHECK_FALSE(osv_range_contains(r, "2.90"));
}

TEST_CASE("osv semantics: several introduced/fixed pairs, in any order") {
  OsvRange r = osv("ECOSYSTEM",
                   {{K::kFixed, "3.0.7"}, {K::kIntroduced, "1.1.1"}, {K::kIntroduced, "3.0.0"}, {K::kFixed, "1.1.1t"}});
  CHECK_FALSE(osv_range_contains(r, "1.1.0"));
  CHECK(osv_range_contains(r, "1.1.1s"));
  CHECK_FALSE(osv_range_contains(r, "1.1.1t"));
  CHECK_FALSE(osv_range_contains(r, "2.0.0"));
  CHECK(osv_range_contains(r, "3.0.5"));
  CHECK_FALSE(osv_range_contains(r, "3.0.7"));
}

TEST_CASE("osv semantics: last_affected includes, limit caps") {
  OsvRange last = osv("SEMVER", {{K::kIntroduced, "1.0.0"}, {K::kLastAffected, "1.2.3"}});
  CHECK(osv_range_contains(last, "1.2.3"));
  CHECK_FALSE(osv_range_contains(last, "1.2.4"));
  OsvRange limit = osv("SEMVER", {{K::kIntroduced, "0"}, {K::kLimit, "2.0.0"}});
  CHECK(osv_range_contains(limit, "1.9"));
  CHECK_FALSE(osv_range_contains(limit, "2.0.0"));
  CHECK_FALSE(osv_range_contains(osv("GIT", {{K::kIntroduced, "0"}}), "1.0"));
}

TEST_CASE("osv semantics: explicit versions list and fixed_in") {
  OsvAffected a{"Debian:12", "openssl", {osv("ECOSYSTEM", {{K::kIntroduced, "0"}, {K::kFixed, "3.0.13"}})}, {}};
  auto hit = match_osv(a, "3.0.11-1~deb12u2");
  REQUIRE(hit);
  CHECK(hit->status == MatchStatus::kBackportPossible);
  CHECK(hit->fixed_in == "3.0.13");
  CHECK(hit->range == "ECOSYSTEM: introduced 0, fixed 3.0.13");
  OsvAffected listed{"OSS-Fuzz", "dnsmasq", {}, {"2.85", "2.86"}};
  CHECK(match_osv(listed, "2.86"));
  CHECK(match_osv(listed, "2.86")->range == "listed version 2.86");
  CHECK_FALSE(match_osv(listed, "2.87"));
}

TEST_CASE("cpe version test: remembers each bound and answers as cpe_bounds_contain") {
  const std::vector<CpeBounds> ranges = {{"*", "1.0.2", "", "", "1.0.2zd"},
                                         {"1.0.2k"},
                                         {"*", "", "1.0.2k", "1.0.2u", ""},
                                         {"*", "", "", "2022.83", ""},
                                         {"*", "2020.79", "", "", "2022.82"},
                                         {"*", "", "", "", "1.36.0-rc1"},
                                         {"*", "", "", "9.3p1", ""},
                                         {"-"},
                                         {"*"}};
  for (const char* version : {"1.0.2k", "1.0.2zc", "2022.83", "2022.83-1", "1.36.0rc1", "9.3", "9.3p1", "0", ""}) {
    CpeVersionTest test(version);
    for (int pass = 0; pass < 2; ++pass)  // the second pass answers from what the first remembered
      for (const auto& r : ranges) {
        INFO(version, " pass ", pass);
        CHECK(test.contains(r) == cpe_bounds_contain(r, version));
      }
  }
  CpeVersionTest k("1.0.2k");
  CHECK(k.contains({"*", "1.0.2", "", "", "1.0.2l"}));
  CHECK_FALSE(k.contains({"*", "", "", "1.0.2j", ""}));
  CHECK(k.contains({"1.0.2K"}));
}

}  // namespace
}  // namespace pedigree::db
