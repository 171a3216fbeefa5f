// Helpers for provenance-database tests: fixture paths, a database built from
// the fixtures in tests/fixtures/db, and a digest of every table's contents.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>

#include <string>
#include <string_view>

#include "scanner/core/hash.h"
#include "scanner/db/builder.h"
#include "scanner/db/sqlite.h"

namespace pedigree::test {

/// tests/fixtures/db/<name>
inline std::string db_fixture(std::string_view name) {
  return std::string(PEDIGREE_SOURCE_DIR) + "/tests/fixtures/db/" + std::string(name);
}

/// The real-format fixtures, imported as `db build` imports Debian's files.
inline std::vector<db::SystemSource> fixture_system_sources() {
  return {{"oui", db_fixture("oui.csv")},     {"mam", db_fixture("mam.csv")},
          {"oui36", db_fixture("oui36.csv")}, {"pci-ids", db_fixture("pci.ids")},
          {"usb-ids", db_fixture("usb.ids")}, {"ca-store", db_fixture("ca-bundle.pem")}};
}

/// Builds `out` from the fixture seed and fixture system sources.
inline db::BuildResult build_fixture_db(const std::string& out) {
  db::BuildOptions opts{out, db_fixture("seed"), fixture_system_sources()};
  auto res = db::build_database(opts);
  REQUIRE_MESSAGE(res.ok(), (res.ok() ? "" : res.error().message));
  return std::move(*res);
}

/// SHA-256 over every row of every table (tables by name, rows sorted by all
/// their columns, so equal contents give equal digests whatever the rowids).
inline std::string table_digest(db::Database& db) {
  std::string all;
  auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  REQUIRE(tables.ok());
  while (*tables->step()) {
    std::string t = tables->column_text(0);
    all += "[" + t + "]\n";
    auto ncols = db.query_int("SELECT count(*) FROM pragma_table_info('" + t + "')");
    REQUIRE(ncols.ok());
    std::string order;
    for (std::int64_t i = 1; i <= *ncols; ++i) order += (i > 1 ? "," : "") + std::to_string(i);
    auto rows = db.prepare("SELECT * FROM \"" + t + "\" ORDER BY " + order);
    REQUIRE(rows.ok());
    while (*rows->step()) {
      for (int i = 0; i < rows->column_count(); ++i)
        all += (rows->column_is_null(i) ? std::string("\x01") : rows->column_text(i)) + "\x1f";
      all += "\n";
    }
  }
  return sha256_hex(std::span(reinterpret_cast<const std::uint8_t*>(all.data()), all.size()));
}

/// Sets SOURCE_DATE_EPOCH for a scope, so imported_at is fixed.
class FixedImportTime {
 public:
  explicit FixedImportTime(const char* epoch = "1767225600") { setenv("SOURCE_DATE_EPOCH", epoch, 1); }
  ~FixedImportTime() { unsetenv("SOURCE_DATE_EPOCH"); }
  FixedImportTime(const FixedImportTime&) = delete;
  FixedImportTime& operator=(const FixedImportTime&) = delete;
};

/// Rows of a table (or any query's single integer).
inline std::int64_t count(db::Database& db, const std::string& sql) {
  auto n = db.query_int(sql);
  REQUIRE_MESSAGE(n.ok(), (n.ok() ? "" : n.error().message));
  return *n;
}

}  // namespace pedigree::test
