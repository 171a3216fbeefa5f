// The curated vulnerability seed: db/seed/cves.csv and db/seed/cve_ranges.csv
// (layouts in db/seed/README.md) loaded into the vulnerability tables by
// `pedigree db build`. Rows are tagged "seed:cves" and "seed:cve_ranges";
// reloading replaces them. A CVE already present from an NVD import keeps
// NVD's record (the feed is richer); the seed's ranges are added beside it.
#pragma once

#include <string>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// Rows loaded from the two files.
struct SeedCveCounts {
  std::int64_t vulnerabilities = 0, kev = 0, epss = 0, ranges = 0;
};

/// Loads `<seed_dir>/cves.csv` and `<seed_dir>/cve_ranges.csv` in one
/// transaction; errors name the file, line and CVE id, and leave the
/// database as it was.
Result<SeedCveCounts> load_seed_cves(Database& db, const std::string& seed_dir);

/// Same, inside a transaction the caller holds.
Result<SeedCveCounts> load_seed_cves_in(Database& db, const std::string& seed_dir);

}  // namespace pedigree::db
