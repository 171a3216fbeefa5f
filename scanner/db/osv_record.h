// OSV vulnerability records (https://ossf.github.io/osv-schema/):
//   {"schema_version", "id", "modified", "published", "withdrawn", "aliases": [...],
//    "summary", "details", "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/…"}],
//    "affected": [{"package": {"ecosystem", "name", "purl"},
//                  "ranges": [{"type": "SEMVER"|"ECOSYSTEM"|"GIT", "repo",
//                              "events": [{"introduced"}|{"fixed"}|{"last_affected"}|{"limit"}]}],
//                  "versions": [...]}],
//    "references": [...]}
// A file holds one record or an array of records. Only the fields above are
// read; the rest (database_specific, credits, …) is ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/vuln_match.h"

namespace pedigree::db {

/// One OSV record, reduced to what the database stores.
struct OsvRecord {
  std::string id;
  std::string summary;  ///< `summary`, else the first line of `details`
  std::string published, modified, withdrawn;
  std::vector<std::string> aliases;
  std::string cvss_v3_vector;  ///< from `severity` when of type CVSS_V3
  std::vector<OsvAffected> affected;
};

/// Parses one OSV document (a record or an array of records).
Result<std::vector<OsvRecord>> parse_osv(std::string_view json);

/// The ranges of one affected entry as compact JSON, as stored in the database.
std::string encode_osv_ranges(const std::vector<OsvRange>& ranges);

/// Reads back what encode_osv_ranges wrote.
Result<std::vector<OsvRange>> decode_osv_ranges(std::string_view json);

/// A list of versions as a JSON array of strings, and back.
std::string encode_string_list(const std::vector<std::string>& list);
std::vector<std::string> decode_string_list(std::string_view json);

}  // namespace pedigree::db
