#include "scanner/db/cpe_findings.h"

#include <string>
#include <utility>

namespace pedigree::db {
namespace {

// Advisories whose ranges or record changed (rows rebuilt), and advisories
// whose KEV entry or EPSS score changed (those columns updated in place: an
// EPSS file rescores nearly every CVE, and rewriting a few columns of the
// rows is much cheaper than rebuilding them and their index entries).
constexpr std::string_view kCreateTouched =
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_touched (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_kev (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS cpe_findings_epss (vuln_id TEXT PRIMARY KEY) WITHOUT ROWID;";

/// The temp table that records ids changed in `table`.
std::string touched_table(std::string_view table) {
  if (table == "kev") return "cpe_findings_kev";
  if (table == "epss") return "cpe_findings_epss";
  return "cpe_findings_touched";
}

std::string insert_into(std::string_view table) {
  return "INSERT OR IGNORE INTO temp." + touched_table(table) + " (vuln_id) VALUES (?1)";
}

// Every column of cpe_findings but its id, in the order of the view
// cpe_findings_source (db/schema/0005_cpe_findings_packed.sql).
#define PEDIGREE_FINDINGS_COLUMNS                                                                                  \
  "vendor, product, match_key, version, start_including, start_excluding, end_including, end_excluding, vuln_id, " \
  "facts, kev, epss_score, epss_percentile"

// Deleting first and then inserting from the view also drops the rows of
// ranges that are gone and of advisories now Rejected. Inserted in index
// order, one product's new rows are adjacent in the table too: a lookup then
// reads a few runs of pages instead of rows scattered over the whole file.
constexpr std::string_view kRebuild =
    "DELETE FROM cpe_findings WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched);"
    "INSERT INTO cpe_findings (" PEDIGREE_FINDINGS_COLUMNS
    ") SELECT * FROM cpe_findings_source WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_touched) "
    "ORDER BY vendor, product, match_key;";

// An advisory whose KEV entry changed gets its kev column from the view (one
// row of it per advisory: every range of one has the same text); a KEV
// catalog names about 1 200, so each is looked up by id.
constexpr std::string_view kRekev =
    "UPDATE cpe_findings SET kev = (SELECT s.kev FROM cpe_findings_source s WHERE s.vuln_id = cpe_findings.vuln_id "
    "LIMIT 1) WHERE vuln_id IN (SELECT vuln_id FROM temp.cpe_findings_kev);";

// One whose EPSS score changed gets the two numbers from epss, as the view
// has them. An EPSS file rescores nearly every CVE: one pass over the
// findings in index order, joined to the ids, is quicker than a seek per id.
constexpr std::string_view kReepss =
    "UPDATE cpe_findings SET epss_score = x.score, epss_percentile = x.percentile "
    "FROM (SELECT s.vuln_id, e.score, e.percentile FROM temp.cpe_findings_epss s "
    "LEFT JOIN epss e ON e.cve_id = s.vuln_id) AS x WHERE cpe_findings.vuln_id = x.vuln_id;";

constexpr std::string_view kForget =
    "DELETE FROM temp.cpe_findings_touched; DELETE FROM temp.cpe_findings_kev; DELETE FROM temp.cpe_findings_epss;";

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
  auto insert = db.prepare(insert_into("cpe_ranges"));
  auto kev = db.prepare(insert_into("kev"));
  auto epss = db.prepare(insert_into("epss"));
  for (auto* st : {&insert, &kev, &epss})
    if (!*st) return st->error();
  return TouchedAdvisories(db, std::move(*insert), std::move(*kev), std::move(*epss));
}

Status TouchedAdvisories::record(Statement& insert, std::string& last, std::string_view id) {
  if (id == last) return Ok{};
  insert.bind(1, id);
  if (auto st = insert.run(); !st) return st;
  last.assign(id);
  return Ok{};
}

Status TouchedAdvisories::add(std::string_view id) { return record(insert_, last_, id); }

Status TouchedAdvisories::add_kev(std::string_view id) { return record(kev_, last_kev_, id); }

Status TouchedAdvisories::add_epss(std::string_view id) { return record(epss_, last_epss_, id); }

Status TouchedAdvisories::add_source_rows(std::string_view table, std::string_view column, std::string_view source) {
  auto st = db_->prepare("INSERT OR IGNORE INTO temp." + touched_table(table) + " (vuln_id) SELECT \"" +
                         std::string(column) + "\" FROM \"" + std::string(table) + "\" WHERE data_source = ?1");
  if (!st) return st.error();
  st->bind(1, source);
  return st->run();
}

Status refresh_cpe_findings(Database& db) {
  if (auto st = db.exec(kCreateTouched); !st) return st;
  if (auto st = db.exec(kRebuild); !st) return st;
  // The updates run only when there is something to update: a pass over
  // the findings costs every import (an NVD file records no scores) ~50 ms.
  for (auto [table, sql] : {std::pair{"cpe_findings_kev", kRekev}, {"cpe_findings_epss", kReepss}}) {
    auto any = db.query_int("SELECT EXISTS (SELECT 1 FROM temp." + std::string(table) + ")");
    if (!any) return any.error();
    if (*any == 0) continue;
    if (auto st = db.exec(sql); !st) return st;
  }
  return db.exec(kForget);
}

Result<std::int64_t> count_stale_cpe_findings(Database& db) { return db.query_int(kStale); }

}  // namespace pedigree::db
