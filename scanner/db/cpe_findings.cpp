#include "scanner/db/cpe_findings.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kCreateTouched =
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_touched (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID";

constexpr std::string_view kInsertTouched = "INSERT OR IGNORE INTO temp.cpe_findings_touched (vuln_id) VALUES (?1)";

// Every column of cpe_findings but its id, in the order of the view
// cpe_findings_source (db/schema/0004_cpe_findings.sql).
#define PEDIGREE_FINDINGS_COLUMNS                                                                                  \
  "vendor, product, match_key, version, start_including, start_excluding, end_including, end_excluding, vuln_id, " \
  "criteria, fixed_in, data_source, published, cvss3_score, cvss3_version, cvss3_vector, cvss3_severity, "         \
  "cvss4_score, cvss4_vector, cvss4_severity, cvss2_score, cvss2_vector, cwes, status, kev_date_added, "           \
  "kev_due_date, kev_ransomware, epss_score, epss_percentile"

// Deleting first and then inserting from the view also drops the rows of
// ranges that are gone and of advisories now Rejected. Inserted in index
// order, one product's new rows are adjacent in the table too: a lookup then
// reads a few runs of pages instead of rows scattered over the whole file.
constexpr std::string_view kRefresh =
    "DELETE FROM cpe_findings WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched);"
    "INSERT INTO cpe_findings (" PEDIGREE_FINDINGS_COLUMNS
    ") SELECT * FROM cpe_findings_source WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched) "
    "ORDER BY vendor, product, match_key;"
    "DELETE FROM temp.cpe_findings_touched;";

// EXCEPT compares sets; the counts catch a duplicated row.
constexpr std::string_view kStale =
    "SELECT (SELECT count(*) FROM (SELECT * FROM cpe_findings_source EXCEPT SELECT " PEDIGREE_FINDINGS_COLUMNS
    " FROM cpe_findings)) + (SELECT count(*) FROM (SELECT " PEDIGREE_FINDINGS_COLUMNS
    " FROM cpe_findings EXCEPT SELECT * FROM cpe_findings_source)) + "
    "abs((SELECT count(*) FROM cpe_findings) - (SELECT count(*) FROM cpe_findings_source))";

#undef PEDIGREE_FINDINGS_COLUMNS

}  // namespace

Result<TouchedAdvisories> TouchedAdvisories::prepare(Database& db) {
  if (auto st = db.exec(kCreateTouched); !st) return st.error();
  auto insert = db.prepare(kInsertTouched);
  if (!insert) return insert.error();
  return TouchedAdvisories(db, std::move(*insert));
}

Status TouchedAdvisories::add(std::string_view id) {
  if (id == last_) return Ok{};
  insert_.bind(1, id);
  if (auto st = insert_.run(); !st) return st;
  last_.assign(id);
  return Ok{};
}

Status TouchedAdvisories::add_source_rows(std::string_view table, std::string_view column, std::string_view source) {
  auto st = db_->prepare("INSERT OR IGNORE INTO temp.cpe_findings_touched (vuln_id) SELECT \"" + std::string(column) +
                         "\" FROM \"" + std::string(table) + "\" WHERE data_source = ?1");
  if (!st) return st.error();
  st->bind(1, source);
  return st->run();
}

Status refresh_cpe_findings(Database& db) {
  if (auto st = db.exec(kCreateTouched); !st) return st;
  return db.exec(kRefresh);
}

Result<std::int64_t> count_stale_cpe_findings(Database& db) { return db.query_int(kStale); }

}  // namespace pedigree::db
