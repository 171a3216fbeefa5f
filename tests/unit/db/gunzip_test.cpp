#include "scanner/db/gunzip.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("gunzip: a feed, concatenated members, limits and damage") {
  const std::string plain = slurp(test::db_fixture("nvdcve-2.0-fixture.json"));
  const std::string gz = slurp(test::db_fixture("nvdcve-2.0-fixture.json.gz"));
  CHECK(is_gzip(gz));
  CHECK_FALSE(is_gzip(plain));
  auto out = gunzip(gz);
  REQUIRE(out.ok());
  CHECK(*out == plain);
  auto twice = gunzip(gz + gz);  // `cat a.gz b.gz` is one valid stream
  REQUIRE(twice.ok());
  CHECK(*twice == plain + plain);
  auto capped = gunzip(gz, 1000);
  REQUIRE_FALSE(capped.ok());
  CHECK(capped.error().code == Errc::kLimit);
  auto cut = gunzip(gz.substr(0, gz.size() - 20));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);
  std::string damaged = gz;
  damaged[damaged.size() / 2] ^= 0x55;
  CHECK_FALSE(gunzip(damaged).ok());
  auto passthrough = maybe_gunzip(plain);
  REQUIRE(passthrough.ok());
  CHECK(*passthrough == plain);
}

}  // namespace
}  // namespace pedigree::db
