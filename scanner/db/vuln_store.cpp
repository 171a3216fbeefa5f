#include "scanner/db/vuln_store.h"

#include <algorithm>

#include "scanner/db/data_sources.h"
#include "scanner/db/osv_record.h"
#include "scanner/db/version.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kColumns =
    "id, summary, published, modified, status, cvss3_version, cvss3_score, cvss3_vector, cvss3_severity, "
    "cvss2_score, cvss2_vector, cvss4_score, cvss4_vector, cvss4_severity, cwes, data_source";
constexpr std::string_view kValues = "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

// The row is replaced unless the stored one is strictly newer. lastModified
// is ISO 8601 in one format, so text order is time order.
constexpr std::string_view kNewerWinsTail =
    " ON CONFLICT(id) DO UPDATE SET summary = excluded.summary, published = excluded.published, "
    "modified = excluded.modified, status = excluded.status, cvss3_version = excluded.cvss3_version, "
    "cvss3_score = excluded.cvss3_score, cvss3_vector = excluded.cvss3_vector, "
    "cvss3_severity = excluded.cvss3_severity, cvss2_score = excluded.cvss2_score, "
    "cvss2_vector = excluded.cvss2_vector, cvss4_score = excluded.cvss4_score, "
    "cvss4_vector = excluded.cvss4_vector, cvss4_severity = excluded.cvss4_severity, cwes = excluded.cwes, "
    "data_source = excluded.data_source "
    "WHERE vulnerabilities.modified IS NULL OR excluded.modified >= vulnerabilities.modified";

// An empty view may have a null data pointer, which SQLite binds as NULL;
// NOT NULL text columns get a real empty string.
std::string_view not_null(std::string_view s) { return s.empty() ? std::string_view("") : s; }

void bind_row(Statement& st, const VulnRow& r, std::string_view source) {
  st.bind(1, r.id).bind(2, not_null(r.summary)).bind_or_null(3, r.published).bind_or_null(4, r.modified);
  st.bind_or_null(5, r.status).bind_or_null(6, r.cvss3_version).bind(7, r.cvss3_score);
  st.bind_or_null(8, r.cvss3_vector).bind_or_null(9, r.cvss3_severity).bind(10, r.cvss2_score);
  st.bind_or_null(11, r.cvss2_vector).bind(12, r.cvss4_score).bind_or_null(13, r.cvss4_vector);
  st.bind_or_null(14, r.cvss4_severity).bind(15, not_null(r.cwes)).bind(16, source);
}

// The upper bound's sort key (see cpe_ranges.end_key in 0002_vulnerabilities.sql).
std::string range_end_key(const CpeRange& r) {
  if (r.version == "-") return "";
  if (r.version != "*") return version_sort_key(r.version);
  std::string key;
  if (!r.end_including.empty()) key = version_sort_key(r.end_including);
  if (!r.end_excluding.empty()) key = std::max(key, version_sort_key(r.end_excluding));
  return key.empty() ? std::string(kVersionKeyMax) : key;
}

}  // namespace

bool is_nvd_source(std::string_view source) { return source.substr(0, kNvdSourcePrefix.size()) == kNvdSourcePrefix; }

Result<VulnWriter> VulnWriter::prepare(Database& db, std::string source) {
  std::string insert = "INSERT INTO vulnerabilities (" + std::string(kColumns) + ") " + std::string(kValues);
  auto newer = db.prepare(insert + std::string(kNewerWinsTail));
  auto keep = db.prepare(insert + " ON CONFLICT(id) DO NOTHING");
  auto clear = db.prepare("DELETE FROM cpe_ranges WHERE vuln_id = ?1 AND data_source GLOB 'nvd:*'");
  auto range = db.prepare(
      "INSERT INTO cpe_ranges (vuln_id, vulnerable, criteria, part, vendor, product, version, start_including, "
      "start_excluding, end_including, end_excluding, fixed_in, data_source, end_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  auto osv = db.prepare(
      "INSERT INTO osv_affected (vuln_id, aliases, ecosystem, package, ranges, versions, data_source) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto kev = db.prepare(
      "INSERT OR REPLACE INTO kev (cve_id, vendor_project, product, name, date_added, due_date, ransomware, "
      "data_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  auto epss = db.prepare(
      "INSERT OR REPLACE INTO epss (cve_id, score, percentile, score_date, data_source) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (auto* r : {&newer, &keep, &clear, &range, &osv, &kev, &epss})
    if (!*r) return r->error();
  auto touched = TouchedAdvisories::prepare(db);
  if (!touched) return touched.error();
  return VulnWriter(db, std::move(source),
                    Statements{std::move(*newer), std::move(*keep), std::move(*clear), std::move(*range),
                               std::move(*osv), std::move(*kev), std::move(*epss)},
                    std::move(*touched));
}

Result<bool> VulnWriter::put_vulnerability(const VulnRow& row, Upsert mode) {
  Statement& st = mode == Upsert::kNewerWins ? st_.newer : st_.keep;
  bind_row(st, row, source_);
  if (auto s = st.run(); !s) return s.error();
  if (db_->changes() == 0) return false;
  if (auto s = touched_.add(row.id); !s) return s.error();
  if (mode == Upsert::kNewerWins) {
    st_.clear_ranges.bind(1, row.id);
    if (auto s = st_.clear_ranges.run(); !s) return s.error();
  }
  return true;
}

Status VulnWriter::put_cpe_range(std::string_view vuln_id, const CpeRange& r, std::string_view part,
                                 std::string_view vendor, std::string_view product, std::string_view fixed_in) {
  Statement& st = st_.range;
  st.bind(1, vuln_id).bind(2, r.vulnerable ? 1 : 0).bind(3, r.criteria).bind(4, part).bind(5, vendor);
  st.bind(6, product).bind(7, r.version).bind_or_null(8, r.start_including).bind_or_null(9, r.start_excluding);
  st.bind_or_null(10, r.end_including).bind_or_null(11, r.end_excluding).bind_or_null(12, fixed_in);
  st.bind(13, source_).bind(14, range_end_key(r));
  if (auto s = st.run(); !s) return s;
  return touched_.add(vuln_id);
}

Status VulnWriter::put_osv_affected(std::string_view vuln_id, std::string_view aliases, const OsvAffected& a) {
  Statement& st = st_.osv;
  st.bind(1, vuln_id).bind(2, aliases).bind(3, a.ecosystem).bind(4, a.package);
  st.bind(5, encode_osv_ranges(a.ranges)).bind(6, encode_string_list(a.versions)).bind(7, source_);
  return st.run();  // OSV entries are not CPE findings: nothing to record
}

Status VulnWriter::put_kev(std::string_view cve, std::string_view vendor_project, std::string_view product,
                           std::string_view name, std::string_view date_added, std::string_view due_date,
                           std::string_view ransomware) {
  Statement& st = st_.kev;
  st.bind(1, cve).bind_or_null(2, vendor_project).bind_or_null(3, product).bind_or_null(4, name);
  st.bind(5, not_null(date_added)).bind_or_null(6, due_date).bind_or_null(7, ransomware).bind(8, source_);
  if (auto s = st.run(); !s) return s;
  return touched_.add_kev(cve);
}

Status VulnWriter::put_epss(std::string_view cve, double score, std::optional<double> percentile,
                            std::string_view date) {
  Statement& st = st_.epss;
  st.bind(1, cve).bind(2, score).bind(3, percentile).bind_or_null(4, date).bind(5, source_);
  if (auto s = st.run(); !s) return s;
  return touched_.add_epss(cve);
}

Status VulnWriter::delete_own_rows(std::string_view table) {
  std::string_view id_column = table == "vulnerabilities"            ? "id"
                               : (table == "kev" || table == "epss") ? "cve_id"
                                                                     : "vuln_id";
  if (table != "osv_affected")
    if (auto st = touched_.add_source_rows(table, id_column, source_); !st) return st;
  return delete_source_rows(*db_, table, source_);
}

}  // namespace pedigree::db
