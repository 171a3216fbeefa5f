// The data_sources table: every seed file and every import records itself
// here (name, kind, stated version or date, SHA-256 of the input, rows per
// table, import time), so every answer the database gives is traceable.
//
// An importer's shape, inside one Transaction:
//   delete_source_rows(db, "mac_blocks", name);   // idempotent re-import
//   ... insert rows, each with data_source = name ...
//   record_source(db, {name, kind, version, sha256, {{"mac_blocks", n}}});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// One loaded input.
struct SourceRecord {
  std::string name;                                        ///< unique id, e.g. "ieee-oui", "seed:vendors", "nvd-2024"
  std::string kind;                                        ///< importer kind, e.g. "oui", "seed", "nvd"
  std::string version;                                     ///< version or date the input states; empty when none
  std::string sha256;                                      ///< lower-case hex SHA-256 of the input bytes
  std::vector<std::pair<std::string, std::int64_t>> rows;  ///< table → rows loaded
  std::string imported_at;                                 ///< filled by record_source / list_sources
};

/// The import time to record: SOURCE_DATE_EPOCH when set (reproducible
/// builds), otherwise now; UTC, "YYYY-MM-DDTHH:MM:SSZ".
std::string import_timestamp();

/// Inserts or replaces the record of `rec.name` and its row counts.
Status record_source(Database& db, const SourceRecord& rec);

/// Deletes the rows `source` loaded into `table` (a table with a data_source
/// column). `table` is a trusted identifier from the caller's code.
Status delete_source_rows(Database& db, std::string_view table, std::string_view source);

/// Deletes a source's record and row counts (the rows themselves are the
/// caller's, via delete_source_rows).
Status forget_source(Database& db, std::string_view source);

/// Every recorded source, sorted by name, with row counts sorted by table.
Result<std::vector<SourceRecord>> list_sources(Database& db);

}  // namespace pedigree::db
