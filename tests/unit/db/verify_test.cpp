#include "scanner/db/verify.h"

#include <doctest/doctest.h>

#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

TEST_CASE("verify: a freshly built database is sound") {
  test::ScratchDir dir;
  test::build_fixture_db(dir.path("p.db"));
  auto rep = verify_database(dir.path("p.db"));
  REQUIRE(rep.ok());
  CHECK(rep->problems.empty());
  CHECK(rep->schema_version >= 1);
}

TEST_CASE("verify: damaged pages are reported") {
  test::ScratchDir dir;
  test::build_fixture_db(dir.path("p.db"));
  std::string bytes = dir.read("p.db");
  // Overwrite the middle of the file (b-tree pages), keeping the header.
  for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 8192 && i < bytes.size(); ++i) bytes[i] = '\x5a';
  dir.write("p.db", bytes);
  auto rep = verify_database(dir.path("p.db"));
  CHECK((!rep.ok() || !rep->problems.empty()));
}

TEST_CASE("verify: a database missing a table, or not a Pedigree database, has problems") {
  test::ScratchDir dir;
  test::build_fixture_db(dir.path("p.db"));
  {
    auto db = Database::open(dir.path("p.db"), OpenMode::kReadWrite);
    REQUIRE(db->exec("DROP TABLE hw_devices").ok());
  }
  auto rep = verify_database(dir.path("p.db"));
  REQUIRE(rep.ok());
  REQUIRE_FALSE(rep->problems.empty());
  CHECK(rep->problems[0] == "table hw_devices is missing");
  {
    auto db = Database::open(dir.path("other.db"), OpenMode::kReadWrite);
    REQUIRE(db->exec("CREATE TABLE t(a)").ok());
  }
  auto other = verify_database(dir.path("other.db"));
  REQUIRE(other.ok());
  CHECK(other->problems[0].find("not a Pedigree database") == 0);
}

TEST_CASE("verify: cpe_findings that differ from their sources are reported") {
  test::ScratchDir dir;
  test::build_fixture_db(dir.path("p.db"));
  {
    auto db = Database::open(dir.path("p.db"), OpenMode::kReadWrite);
    REQUIRE(db.ok());
    // A range written behind the importers' back: its finding is missing.
    REQUIRE(db->exec("INSERT INTO cpe_ranges (vuln_id, vulnerable, criteria, part, vendor, product, version, "
                     "end_key, data_source) VALUES ('CVE-2024-0001', 1, 'c', 'a', 'v', 'p', '*', '~', 'x')")
                .ok());
  }
  auto rep = verify_database(dir.path("p.db"));
  REQUIRE(rep.ok());
  REQUIRE(rep->problems.size() == 1);
  CHECK(rep->problems[0] ==
        "cpe_findings: 2 rows differ from cpe_ranges and the advisories' facts (rebuild the database)");
}

TEST_CASE("verify: a file that is not SQLite cannot be opened") {
  test::ScratchDir dir;
  dir.write("x.db", std::string(8192, 'q'));
  CHECK_FALSE(verify_database(dir.path("x.db")).ok());
}

}  // namespace
}  // namespace pedigree::db
