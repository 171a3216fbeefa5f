// The write side of the vulnerability tables (db/schema/0002_vulnerabilities.sql):
// prepared statements compiled once per import and reused for every row.
// Callers hold the transaction; nothing here begins or commits one. Every
// write also records the advisory it touched, so the caller's
// refresh_cpe_findings() (scanner/db/cpe_findings.h) brings the derived
// cpe_findings rows up to date before the transaction ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scanner/core/result.h"
#include "scanner/db/cpe_findings.h"
#include "scanner/db/sqlite.h"
#include "scanner/db/vuln_match.h"

namespace pedigree::db {

/// One row of `vulnerabilities`; empty text and absent scores become NULL.
struct VulnRow {
  std::string_view id, summary, published, modified, status;
  std::string_view cvss3_version, cvss3_vector, cvss3_severity;
  std::optional<double> cvss3_score;
  std::string_view cvss2_vector;
  std::optional<double> cvss2_score;
  std::string_view cvss4_vector, cvss4_severity;
  std::optional<double> cvss4_score;
  std::string_view cwes;  ///< '|'-separated
};

/// How a vulnerabilities row is written when the id is already there.
enum class Upsert {
  kNewerWins,     ///< NVD: replace unless the stored row was modified later
  kKeepExisting,  ///< seed and OSV: never overwrite a row someone else wrote
};

/// Prepared inserts for one import, all tagged with one data_source name.
class VulnWriter {
 public:
  static Result<VulnWriter> prepare(Database& db, std::string source);

  /// Writes a vulnerability; true when the row was written, false when an
  /// existing row was kept. With kNewerWins, the ranges an earlier NVD
  /// import stored for the id are removed so the new ones replace them.
  Result<bool> put_vulnerability(const VulnRow& row, Upsert mode);

  /// Adds one CPE range; `criteria` is the formatted CPE string.
  Status put_cpe_range(std::string_view vuln_id, const CpeRange& range, std::string_view part, std::string_view vendor,
                       std::string_view product, std::string_view fixed_in);

  /// Adds one OSV affected entry.
  Status put_osv_affected(std::string_view vuln_id, std::string_view aliases, const OsvAffected& affected);

  /// Adds or replaces one KEV entry.
  Status put_kev(std::string_view cve, std::string_view vendor_project, std::string_view product, std::string_view name,
                 std::string_view date_added, std::string_view due_date, std::string_view ransomware);

  /// Adds or replaces one EPSS score.
  Status put_epss(std::string_view cve, double score, std::optional<double> percentile, std::string_view date);

  /// Deletes the rows this writer's source loaded into `table` before
  /// (vulnerabilities, cpe_ranges, osv_affected, kev or epss).
  Status delete_own_rows(std::string_view table);

  const std::string& source() const { return source_; }

 private:
  struct Statements {
    Statement newer, keep, clear_ranges, range, osv, kev, epss;
  };
  VulnWriter(Database& db, std::string source, Statements st, TouchedAdvisories touched)
      : db_(&db), source_(std::move(source)), st_(std::move(st)), touched_(std::move(touched)) {}

  Database* db_;
  std::string source_;
  Statements st_;
  TouchedAdvisories touched_;
};

/// True for data_source names NVD imports use ("nvd:…").
bool is_nvd_source(std::string_view source);

/// The data_source name prefix of NVD imports.
inline constexpr std::string_view kNvdSourcePrefix = "nvd:";

}  // namespace pedigree::db
