// Seed data: the curated CSV files in db/seed/ (layouts in db/seed/README.md).
// `pedigree db build` runs every loader listed in seed_loaders.def. A seed
// file that does not exist yet is a note, not a failure; a malformed one is an
// error naming the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// What a seed load did besides loading: missing files, unresolved names.
struct SeedLog {
  std::vector<std::string> notes;
};

/// Loads one group of seed files from `dir` into a migrated database.
using SeedFn = Status (*)(Database& db, const std::string& dir, SeedLog& log);

/// vendors, lists, list_entries, chipsets, components, component_aliases.
Status load_core_seed(Database& db, const std::string& dir, SeedLog& log);
/// cves.csv, cve_ranges.csv (scanner/db/vulnerability seed loader).
Status load_vulnerability_seed(Database& db, const std::string& dir, SeedLog& log);

/// One registered loader.
struct SeedLoader {
  std::string_view name;
  SeedFn run = nullptr;
};

/// Every seed loader, in seed_loaders.def order.
const std::vector<SeedLoader>& seed_loaders();

/// Runs every seed loader on `dir`.
Status load_seed(Database& db, const std::string& dir, SeedLog& log);

}  // namespace pedigree::db
