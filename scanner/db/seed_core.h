// The core seed loaders, one per group of CSV files (db/seed/README.md):
// load_core_seed (scanner/db/seed.cpp) runs them in this order, vendors first
// because the others refer to vendors by name.
#pragma once

#include <string>

#include "scanner/core/result.h"
#include "scanner/db/seed.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// vendors.csv, lists.csv, list_entries.csv.
Status load_vendor_seed(Database& db, const std::string& dir, SeedLog& log);
/// chipsets.csv.
Status load_chipset_seed(Database& db, const std::string& dir, SeedLog& log);
/// domains.csv.
Status load_domain_seed(Database& db, const std::string& dir, SeedLog& log);
/// components.csv, component_aliases.csv.
Status load_component_seed(Database& db, const std::string& dir, SeedLog& log);

}  // namespace pedigree::db
