// Importers: `pedigree db import KIND FILE`. The kinds are listed in
// importers.def; run_import() wraps any of them in one transaction, so a
// malformed input leaves the database exactly as it was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// Imports `path` into `db` (inside the caller's transaction) and returns the
/// data_sources record it wrote. Errors name the file and the line or record.
using ImportFn = Result<SourceRecord> (*)(Database& db, const std::string& path);

/// One registered importer.
struct Importer {
  std::string_view kind;  ///< the KIND on the command line
  ImportFn run = nullptr;
  std::string_view description;  ///< what FILE is, for --help
};

#define IMPORTER(kind, fn, desc) Result<SourceRecord> fn(Database& db, const std::string& path);
#include "scanner/db/importers.def"
#undef IMPORTER

/// Every importer, in importers.def order.
const std::vector<Importer>& importers();

/// The importer for `kind`, or null.
const Importer* find_importer(std::string_view kind);

/// Migrates `db` to the current schema, then runs the importer for `kind` in
/// one transaction: committed on success, rolled back on any error.
Result<SourceRecord> run_import(Database& db, std::string_view kind, const std::string& path);

}  // namespace pedigree::db
