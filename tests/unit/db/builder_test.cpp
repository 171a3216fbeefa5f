#include "scanner/db/builder.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

TEST_CASE("builder: the same inputs give the same database content") {
  test::ScratchDir dir;
  auto a = test::build_fixture_db(dir.path("a.db"));
  test::build_fixture_db(dir.path("b.db"));
  CHECK(a.sources.size() >= 12);  // 6 core seed files + 6 imports
  std::string digest[2];
  int i = 0;
  for (const char* f : {"a.db", "b.db"}) {
    auto db = Database::open(dir.path(f), OpenMode::kReadWrite);
    REQUIRE(db.ok());
    // imported_at is the only time-dependent column.
    REQUIRE(db->exec("UPDATE data_sources SET imported_at = ''").ok());
    digest[i++] = test::table_digest(*db);
  }
  CHECK(digest[0] == digest[1]);
}

TEST_CASE("builder: with SOURCE_DATE_EPOCH the whole file is byte-identical") {
  test::ScratchDir dir;
  {
    test::FixedImportTime fixed;
    test::build_fixture_db(dir.path("a.db"));
    test::build_fixture_db(dir.path("b.db"));
  }
  CHECK(dir.read("a.db") == dir.read("b.db"));
  auto db = Database::open(dir.path("a.db"), OpenMode::kReadOnly);
  CHECK(test::count(*db, "SELECT count(*) FROM data_sources WHERE imported_at <> '2026-01-01T00:00:00Z'") == 0);
}

TEST_CASE("builder: a missing system file is a note; a failed build keeps the old database") {
  test::ScratchDir dir;
  BuildOptions opts{dir.path("p.db"), test::db_fixture("seed"), {{"oui", "/nonexistent/oui.csv"}}};
  auto res = build_database(opts);
  REQUIRE(res.ok());
  CHECK(std::find(res->log.notes.begin(), res->log.notes.end(), "/nonexistent/oui.csv: not installed; skipped oui") !=
        res->log.notes.end());
  std::string good = dir.read("p.db");
  dir.write("bad.ids", "not an id list\n");
  opts.system_sources = {{"pci-ids", dir.path("bad.ids")}};
  auto bad = build_database(opts);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find(dir.path("bad.ids") + ":1:") == 0);
  CHECK(dir.read("p.db") == good);
}

}  // namespace
}  // namespace pedigree::db
