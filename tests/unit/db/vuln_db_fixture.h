// A fresh, migrated database in a scratch directory, the fixture files, and a
// digest of every vulnerability table so tests can prove a failed import left
// the database exactly as it was.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "scanner/db/migrations.h"
#include "scanner/db/sqlite.h"
#include "scanner/db/vuln_import.h"
#include "tests/support/scratch_dir.h"

namespace pedigree::test {

/// Path of a file under tests/fixtures/db.
inline std::string db_fixture(const std::string& name) {
  return std::string(PEDIGREE_SOURCE_DIR) + "/tests/fixtures/db/" + name;
}

/// Runs one importer as `pedigree db import` does: in one transaction,
/// committed only when it succeeds.
inline Result<db::ImportResult> atomic(db::Database& d,
                                       Result<db::ImportResult> (*fn)(db::Database&, const std::string&),
                                       const std::string& path) {
  auto tx = db::Transaction::begin(d);
  REQUIRE(tx.ok());
  auto r = fn(d, path);
  if (r.ok()) REQUIRE(tx->commit().ok());
  return r;
}

/// A migrated database that lives as long as the object.
struct VulnDb {
  ScratchDir dir;
  db::Database db = open();

  db::Database open() {
    auto d = db::Database::open(dir.path("test.db"), db::OpenMode::kReadWrite);
    REQUIRE(d.ok());
    REQUIRE(db::migrate(*d).ok());
    return std::move(*d);
  }

  std::int64_t count(const std::string& sql) {
    auto n = db.query_int(sql);
    REQUIRE(n.ok());
    return *n;
  }

  /// Every row of every vulnerability table (cpe_findings included, without
  /// its range_id: a re-import renumbers ranges) and of data_sources, as text.
  std::string digest() {
    std::string out;
    for (const char* sql :
         {"SELECT * FROM vulnerabilities ORDER BY id",
          "SELECT * FROM cpe_ranges ORDER BY vuln_id, criteria, data_source, rowid",
          "SELECT * FROM osv_affected ORDER BY vuln_id, package, rowid", "SELECT * FROM kev ORDER BY cve_id",
          "SELECT * FROM epss ORDER BY cve_id",
          "SELECT vendor, product, match_key, version, start_including, start_excluding, end_including, end_excluding, "
          "vuln_id, facts, kev, epss_score, epss_percentile FROM cpe_findings ORDER BY vuln_id, facts, version, "
          "start_including, start_excluding, end_including, end_excluding",
          "SELECT name, kind, version, sha256 FROM data_sources ORDER BY name",
          "SELECT * FROM data_source_rows ORDER BY source, table_name"}) {
      auto st = db.prepare(sql);
      REQUIRE(st.ok());
      for (auto row = st->step(); row.ok() && *row; row = st->step()) {
        for (int c = 0; c < st->column_count(); ++c) out += st->column_text(c) + "\x1f";
        out += "\n";
      }
      out += "--\n";
    }
    return out;
  }
};

}  // namespace pedigree::test
