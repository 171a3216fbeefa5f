// Known vulnerabilities of one component version, read from the provenance
// database. A component is named either canonically (`openssl`; its CPE
// vendor:product pairs come from components and component_aliases of kind
// `cpe`, its OSV package names from its name and purl name) or directly by a
// CPE vendor and product. Statements are prepared once per VulnLookup and
// reused. A CPE product is read from cpe_findings (ranges with their
// advisory's facts beside them): the index entries with the version's exact
// key and those whose upper bound is at or above it; the version test runs on
// the index entry (each distinct bound compared once per lookup), and only
// matching rows are read (scanner/db/cpe_finding_rows.h); one finding per
// advisory is built, in id order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"
#include "scanner/db/vuln_match.h"

namespace pedigree::db {

/// One vulnerability that affects a component version, with its facts.
struct VulnFinding {
  std::string id;  ///< CVE id (or OSV id when the advisory has no CVE)
  MatchStatus status = MatchStatus::kVulnerable;
  std::string range;     ///< the range that matched, e.g. ">= 3.0.0, < 3.0.7"
  std::string criteria;  ///< CPE match string, or "osv:ECOSYSTEM/package"
  std::string fixed_in;  ///< first fixed version when known
  std::string summary;
  std::optional<double> cvss;  ///< v3.x base score, else v4, else v2
  std::string cvss_version;    ///< "3.1", "3.0", "4.0", "2.0"
  std::string cvss_vector;
  std::string severity;  ///< CRITICAL/HIGH/MEDIUM/LOW/NONE as the source writes it
  std::string cwes;      ///< '|'-separated
  std::string published;
  bool kev = false;
  std::string kev_date_added, kev_due_date;
  bool kev_ransomware = false;
  std::optional<double> epss, epss_percentile;
  std::string aliases;  ///< other ids of the advisory ('|'-separated; OSV)
  std::string source;   ///< data_source of the range that matched
};

/// Prepared lookups over one open database.
class VulnLookup {
 public:
  /// Prepares the statements; the database must have the vulnerability schema.
  static Result<VulnLookup> open(Database& db);

  /// By canonical component name (aliases of kind `package` are followed).
  Result<std::vector<VulnFinding>> for_component(std::string_view name, std::string_view version);

  /// The English summary of an advisory (empty when unknown); kept out of
  /// the findings because a report shows few of the many it lists.
  Result<std::string> summary(std::string_view id);

  /// By CPE vendor and product.
  Result<std::vector<VulnFinding>> for_cpe(std::string_view vendor, std::string_view product, std::string_view version);

 private:
  struct Statements;
  explicit VulnLookup(std::shared_ptr<Statements> st) : st_(std::move(st)) {}
  Status match_cpe(std::string_view vendor, std::string_view product, std::string_view version,
                   std::vector<VulnFinding>& out);
  Status match_osv(std::string_view package, std::string_view version, std::vector<VulnFinding>& out);
  Status add_facts(VulnFinding& f);

  std::shared_ptr<Statements> st_;
};

}  // namespace pedigree::db
