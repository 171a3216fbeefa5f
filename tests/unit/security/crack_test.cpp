#include "scanner/security/crack.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace pedigree::security {
namespace {

auto far_deadline() { return std::chrono::steady_clock::now() + std::chrono::minutes(5); }

TEST_CASE("crack: md5crypt, sha256crypt and sha512crypt of dictionary words are found") {
  CrackBudget budget;
  auto md5 = crack_hash("$1$8Qe2Lr0z$l.XtYEV2q8tSPwpRg0MUT.", "root", budget, far_deadline());
  REQUIRE(md5.password.has_value());
  CHECK(*md5.password == "admin");
  auto sha256 =
      crack_hash("$5$Ab4Kd9Zq$WdQASmtb8XviXmpGI9oYcTKSEi5Fz3R6JaKH9EICIn.", "support", budget, far_deadline());
  REQUIRE(sha256.password.has_value());
  CHECK(*sha256.password == "support");
  auto sha512 = crack_hash(
      "$6$Pdg3Smp1Salt0001$3eFjY/SCzaX/Sz3B885z/MjQLaarQCYJjl5kj0ZReX62i3VQJYmDuQorRTtn0xPIlWGP9hvoATD3abm2Innwm0",
      "toor", budget, far_deadline());
  REQUIRE(sha512.password.has_value());
  CHECK(*sha512.password == "xc3511");
}

TEST_CASE("crack: an unknown password exhausts the dictionary; the budget stops early") {
  CrackBudget budget;
  auto r = crack_hash("$1$8Qe2Lr0z$AAAAAAAAAAAAAAAAAAAAAA", "root", budget, far_deadline());
  CHECK_FALSE(r.password.has_value());
  CHECK(r.exhausted);
  budget.max_attempts = 2;
  auto capped = crack_hash("$1$8Qe2Lr0z$AAAAAAAAAAAAAAAAAAAAAA", "root", budget, far_deadline());
  CHECK_FALSE(capped.exhausted);
  CHECK(capped.attempts == 2);
  auto late = crack_hash("$1$8Qe2Lr0z$AAAAAAAAAAAAAAAAAAAAAA", "root", CrackBudget{}, std::chrono::steady_clock::now());
  CHECK_FALSE(late.exhausted);
}

TEST_CASE("crack: the user's own defaults come first, then the rest, then the user name") {
  auto c = candidate_passwords("ubnt");
  REQUIRE(!c.empty());
  CHECK(c.front() == "ubnt");
  auto r = candidate_passwords("someone");
  CHECK(r.back() == "someone");
  CHECK(std::find(r.begin(), r.end(), "xc3511") != r.end());
}

TEST_CASE("crack: masked hints keep first and last character only") {
  CHECK(mask_secret("xc3511") == "x****1");
  CHECK(mask_secret("abc") == "***");
  CHECK(mask_secret("") == "(empty)");
}

}  // namespace
}  // namespace pedigree::security
