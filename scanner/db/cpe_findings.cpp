#include "scanner/db/cpe_findings.h"

namespace pedigree::db {
namespace {

// Advisories whose ranges or record changed (rows rebuilt), and advisories
// whose KEV entry or EPSS score changed (those columns updated in place: an
// EPSS file rescores nearly every CVE, and rewriting a few columns of the
// rows is much cheaper than rebuilding them and their index entries).
constexpr std::string_view kCreateTouched =
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_touched (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_rescored (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID;";

constexpr std::string_view kInsertTouched = "INSERT OR IGNORE INTO temp.cpe_findings_touched (vuln_id) VALUES (?1)";
constexpr std::string_view kInsertRescored = "INSERT OR IGNORE INTO temp.cpe_findings_rescored (vuln_id) VALUES (?1)";

bool is_score_table(std::string_view table) { return table == "kev" || table == "epss"; }

// Every column of cpe_findings but its id, in the order of the view
// cpe_findings_source (db/schema/0005_cpe_findings_packed.sql).
#define PEDIGREE_FINDINGS_COLUMNS                                                                                  \
  "vendor, product, match_key, version, start_including, start_excluding, end_including, end_excluding, vuln_id, " \
  "facts, kev, epss_score, epss_percentile"

// Deleting first and then inserting from the view also drops the rows of
// ranges that are gone and of advisories now Rejected. Inserted in index
// order, one product's new rows are adjacent in the table too: a lookup then
// reads a few runs of pages instead of rows scattered over the whole file.
// A rescored advisory gets its KEV and EPSS columns rewritten from the view
// (one row of it per advisory: every range of one has the same scores).
constexpr std::string_view kRefresh =
    "DELETE FROM cpe_findings WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched);"
    "INSERT INTO cpe_findings (" PEDIGREE_FINDINGS_COLUMNS
    ") SELECT * FROM cpe_findings_source WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched) "
    "ORDER BY vendor, product, match_key;"
    "UPDATE cpe_findings SET kev = x.kev, epss_score = x.epss_score, epss_percentile = x.epss_percentile "
    "FROM (SELECT vuln_id, kev, epss_score, epss_percentile FROM cpe_findings_source "
    "WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_rescored) GROUP BY vuln_id) AS x "
    "WHERE cpe_findings.vuln_id = x.vuln_id;"
    "DELETE FROM temp.cpe_findings_touched;"
    "DELETE FROM temp.cpe_findings_rescored;";

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
  auto rescored = db.prepare(kInsertRescored);
  if (!insert) return insert.error();
  if (!rescored) return rescored.error();
  return TouchedAdvisories(db, std::move(*insert), std::move(*rescored));
}

Status TouchedAdvisories::record(Statement& insert, std::string& last, std::string_view id) {
  if (id == last) return Ok{};
  insert.bind(1, id);
  if (auto st = insert.run(); !st) return st;
  last.assign(id);
  return Ok{};
}

Status TouchedAdvisories::add(std::string_view id) { return record(insert_, last_, id); }

Status TouchedAdvisories::add_scores(std::string_view id) { return record(rescored_, last_rescored_, id); }

Status TouchedAdvisories::add_source_rows(std::string_view table, std::string_view column, std::string_view source) {
  std::string into = is_score_table(table) ? "cpe_findings_rescored" : "cpe_findings_touched";
  auto st = db_->prepare("INSERT OR IGNORE INTO temp." + into + " (vuln_id) SELECT \"" + std::string(column) +
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
