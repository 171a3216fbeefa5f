// Schema migrations: db/schema/NNNN_name.sql, compiled into the binary and
// applied in order. The schema version is SQLite's `PRAGMA user_version`: the
// NNNN of the last file applied. `PRAGMA application_id` marks the file as a
// Pedigree database so `db verify` can tell it from any other SQLite file.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// One embedded migration file.
struct SchemaFile {
  std::string_view file;  ///< e.g. "0001_core.sql"
  std::string_view sql;
};

/// "PDGR": the application_id of a Pedigree provenance database.
inline constexpr int kApplicationId = 0x50444752;

/// Every db/schema/*.sql file, sorted by name (generated at build time).
const std::vector<SchemaFile>& embedded_schema_files();

/// One parsed migration: its version (the NNNN prefix) and SQL.
struct Migration {
  int version = 0;
  std::string_view file;
  std::string_view sql;
};

/// Parses and checks a list of schema files: versions numbered 1, 2, 3 ...
/// without gaps or duplicates.
Result<std::vector<Migration>> parse_migrations(const std::vector<SchemaFile>& files);

/// The version the embedded migrations lead to.
int latest_schema_version();

/// The database's schema version (0 for an empty database).
Result<int> schema_version(Database& db);

/// Applies every embedded migration newer than the database, each in its own
/// transaction. A database newer than this program is an error.
Status migrate(Database& db);

/// Same, with an explicit list (tests use it).
Status migrate(Database& db, const std::vector<SchemaFile>& files);

}  // namespace pedigree::db
