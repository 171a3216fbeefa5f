#include "scanner/db/migrations.h"

#include <doctest/doctest.h>

#include "tests/support/db_fixtures.h"

namespace pedigree::db {
namespace {

Database memory_db() {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db.ok());
  return std::move(*db);
}

TEST_CASE("migrations: an empty database migrates to the latest version with every core table") {
  auto db = memory_db();
  CHECK(*schema_version(db) == 0);
  REQUIRE(migrate(db).ok());
  CHECK(*schema_version(db) == latest_schema_version());
  CHECK(latest_schema_version() >= 1);
  CHECK(*db.query_int("PRAGMA application_id") == kApplicationId);
  for (const char* t : {"data_sources", "data_source_rows", "vendors", "vendor_aliases", "lists", "list_entries",
                        "chipset_families", "chipset_keys", "components", "component_aliases", "mac_blocks",
                        "hw_vendors", "hw_devices", "certificate_authorities"})
    CHECK_MESSAGE(test::count(db, std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + t + "'") == 1, t);
}

TEST_CASE("migrations: migrating twice is a no-op") {
  auto db = memory_db();
  REQUIRE(migrate(db).ok());
  REQUIRE(migrate(db).ok());
  CHECK(*schema_version(db) == latest_schema_version());
}

TEST_CASE("migrations: embedded files are numbered 1, 2, 3 without gaps") {
  auto m = parse_migrations(embedded_schema_files());
  REQUIRE(m.ok());
  REQUIRE_FALSE(m->empty());
  CHECK(m->front().file == "0001_core.sql");
}

TEST_CASE("migrations: a gap, a bad name or a newer database is refused") {
  CHECK_FALSE(parse_migrations({{"0001_a.sql", ""}, {"0003_c.sql", ""}}).ok());
  CHECK_FALSE(parse_migrations({{"1_a.sql", ""}}).ok());
  auto db = memory_db();
  REQUIRE(db.exec("PRAGMA user_version = 999").ok());
  auto st = migrate(db);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().message.find("newer") != std::string::npos);
}

TEST_CASE("migrations: a failing migration leaves the version where it was") {
  auto db = memory_db();
  std::vector<SchemaFile> files = {{"0001_a.sql", "CREATE TABLE a(x);"}, {"0002_b.sql", "CREATE TABLE oops("}};
  CHECK_FALSE(migrate(db, files).ok());
  CHECK(*schema_version(db) == 1);
  CHECK(test::count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'a'") == 1);
}

}  // namespace
}  // namespace pedigree::db
