// Upkeep of cpe_findings (db/schema/0004_cpe_findings.sql, laid out as
// 0005_cpe_findings_packed.sql says), the derived table a lookup by CPE
// product reads. Writers of vulnerabilities, cpe_ranges, kev and epss record
// the advisory ids they touch (VulnWriter does it for them);
// refresh_cpe_findings(), called by every importer before it returns,
// rebuilds the rows of exactly those ids inside the importer's transaction,
// so a failed import rolls the derived rows back with the rest.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// Records the advisory ids whose cpe_findings rows are out of date, in a
/// table private to the connection (TEMP: never written to the file).
class TouchedAdvisories {
 public:
  /// Creates the connection's table when needed and prepares the insert.
  static Result<TouchedAdvisories> prepare(Database& db);

  /// Records one id whose ranges or record changed; a repeat of the last id
  /// recorded costs nothing (so one object must not be used across a
  /// refresh_cpe_findings()).
  Status add(std::string_view id);

  /// Records one id whose KEV entry changed, and nothing else.
  Status add_kev(std::string_view id);

  /// Records one id whose EPSS score changed, and nothing else.
  Status add_epss(std::string_view id);

  /// Records every id in `column` of the rows `source` loaded into `table`
  /// (before the caller deletes them); kev and epss rows as add_kev() and
  /// add_epss(). Both names are trusted identifiers.
  Status add_source_rows(std::string_view table, std::string_view column, std::string_view source);

 private:
  TouchedAdvisories(Database& db, Statement insert, Statement kev, Statement epss)
      : db_(&db), insert_(std::move(insert)), kev_(std::move(kev)), epss_(std::move(epss)) {}
  static Status record(Statement& insert, std::string& last, std::string_view id);

  Database* db_;
  Statement insert_, kev_, epss_;
  std::string last_, last_kev_, last_epss_;
};

/// Rebuilds the cpe_findings rows of every recorded id and forgets the ids.
/// Runs in the caller's transaction.
Status refresh_cpe_findings(Database& db);

/// Rows of cpe_findings that differ from what the source tables say (rows
/// missing, rows that should not be there, and any difference in the row
/// counts); 0 when it is up to date.
Result<std::int64_t> count_stale_cpe_findings(Database& db);

}  // namespace pedigree::db
