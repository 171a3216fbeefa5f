// Every importer on its real-format fixture: rows, data_sources, idempotence,
// and a malformed input leaving the database exactly as it was.
#include "scanner/db/importer.h"

#include <doctest/doctest.h>

#include "scanner/db/migrations.h"
#include "tests/support/db_fixtures.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

struct Case {
  const char* kind;
  const char* fixture;
  const char* source;
  const char* table;
  std::int64_t rows;
};

// oui.csv has 9 rows, one a repeated historical assignment (0001C8): 8 kept.
const Case kCases[] = {
    {"oui", "oui.csv", "ieee-oui", "mac_blocks", 8},
    {"mam", "mam.csv", "ieee-mam", "mac_blocks", 2},
    {"oui36", "oui36.csv", "ieee-oui36", "mac_blocks", 2},
    {"pci-ids", "pci.ids", "pci-ids", "hw_devices", 9},
    {"usb-ids", "usb.ids", "usb-ids", "hw_devices", 7},
    {"ca-store", "ca-bundle.pem", "ca-store", "certificate_authorities", 2},
};

Database fresh(const test::ScratchDir& dir) {
  auto db = Database::open(dir.path("p.db"), OpenMode::kReadWrite);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  return std::move(*db);
}

TEST_CASE("import: each kind loads its fixture and records its source") {
  for (const auto& c : kCases) {
    std::string kind = c.kind;
    CAPTURE(kind);
    test::ScratchDir dir;
    auto db = fresh(dir);
    auto rec = run_import(db, c.kind, test::db_fixture(c.fixture));
    REQUIRE_MESSAGE(rec.ok(), (rec.ok() ? "" : rec.error().message));
    CHECK(rec->name == c.source);
    CHECK(rec->sha256.size() == 64);
    CHECK(test::count(db, std::string("SELECT count(*) FROM ") + c.table + " WHERE data_source = '" + c.source + "'") ==
          c.rows);
    CHECK(test::count(db, std::string("SELECT rows FROM data_source_rows WHERE source = '") + c.source +
                              "' AND table_name = '" + c.table + "'") == c.rows);
  }
}

TEST_CASE("import: importing the same file twice gives the same rows") {
  for (const auto& c : kCases) {
    std::string kind = c.kind;
    CAPTURE(kind);
    test::FixedImportTime fixed;
    test::ScratchDir dir;
    auto db = fresh(dir);
    REQUIRE(run_import(db, c.kind, test::db_fixture(c.fixture)).ok());
    std::string once = test::table_digest(db);
    REQUIRE(run_import(db, c.kind, test::db_fixture(c.fixture)).ok());
    CHECK(test::table_digest(db) == once);
  }
}

TEST_CASE("import: a malformed file fails naming file and line, and the database is byte-identical") {
  struct Bad {
    const char* kind;
    const char* content;
    const char* where;
  };
  const Bad kBad[] = {
      {"oui", "Registry,Assignment,Organization Name,Organization Address\nMA-L,002272,A,\nMA-L,zz,B,\n", ":3:"},
      {"mam", "Registry,Assignment,Organization Name,Organization Address\nMA-M,741AE09,\"open,\n", ":2:"},
      {"oui36", "Registry,Assignment\n", ":1:"},
      {"pci-ids", "10ec  Realtek\n\t0139  NIC\nnot an id line\n", ":3:"},
      {"usb-ids", "\t0139  orphan\n", ":1:"},
      {"ca-store", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", ":1:"},
  };
  for (const auto& b : kBad) {
    std::string kind = b.kind;
    CAPTURE(kind);
    test::ScratchDir dir;
    std::string before_digest, before_bytes;
    {
      auto db = fresh(dir);
      for (const auto& c : kCases) REQUIRE(run_import(db, c.kind, test::db_fixture(c.fixture)).ok());
      before_digest = test::table_digest(db);
    }
    before_bytes = dir.read("p.db");
    dir.write("bad", b.content);
    auto db = Database::open(dir.path("p.db"), OpenMode::kReadWrite);
    auto rec = run_import(*db, b.kind, dir.path("bad"));
    REQUIRE_FALSE(rec.ok());
    CHECK(rec.error().message.find(dir.path("bad") + b.where) == 0);
    CHECK(test::table_digest(*db) == before_digest);
    db = Database::open(":memory:", OpenMode::kReadWrite);  // close the file
    CHECK(dir.read("p.db") == before_bytes);
  }
}

TEST_CASE("import: an unknown kind and a missing file are errors") {
  test::ScratchDir dir;
  auto db = fresh(dir);
  CHECK_FALSE(run_import(db, "nvd-typo", test::db_fixture("oui.csv")).ok());
  auto missing = run_import(db, "oui", "/nonexistent/oui.csv");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/nonexistent/oui.csv") == 0);
}

TEST_CASE("import: the registry lists every documented kind") {
  for (const char* k : {"oui", "mam", "oui36", "pci-ids", "usb-ids", "ca-store"}) CHECK(find_importer(k) != nullptr);
}

}  // namespace
}  // namespace pedigree::db
