// `pedigree db verify`: SQLite's integrity check, then the schema: the file
// must be a Pedigree database (application_id) at this program's schema
// version, with every table and column the embedded migrations create; then
// the derived cpe_findings table must match what its sources say.
#pragma once

#include <string>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

struct VerifyReport {
  int schema_version = 0;
  std::vector<std::string> problems;  ///< empty when the database is sound
};

/// Opens `path` read-only and checks it. An error when it cannot be opened
/// at all (missing, not a database); otherwise the problems found.
Result<VerifyReport> verify_database(const std::string& path);

}  // namespace pedigree::db
