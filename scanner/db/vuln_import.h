// Importers of vulnerability data: `pedigree db import nvd|osv|kev|epss FILE`.
//
// Each import runs inside the caller's transaction (run_import in importer.h
// opens one per file), so an error leaves the database exactly as it was; the
// error names the file and the record (CVE id, OSV id, entry or line number).
// The KINDs are registered in importers.def. Each records itself in
// data_sources (name, kind, the version or date the input states, SHA-256 of
// the input bytes, rows written). Re-importing the same input is idempotent:
//   nvd   upserts by CVE id; the row with the latest lastModified wins across
//         all yearly files, and its CPE ranges replace the older ones.
//         Source name "nvd:<file stem>", e.g. nvd:nvdcve-2.0-2024.
//   osv   deletes what the same source loaded before, then inserts. A file, a
//         directory (every *.json below it) or a zip. Source "osv:<name>".
//   kev   replaces the whole catalog (source "cisa-kev"); CSV or JSON.
//   epss  replaces all scores (source "first-epss"); CSV, plain or gzip.
// NVD feeds and EPSS files may be gzip-compressed (recognised by content).
#pragma once

#include <cstdint>
#include <string>

#include "scanner/core/result.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// What one import did.
struct ImportResult {
  SourceRecord source;             ///< as recorded in data_sources
  std::uint64_t parsed_bytes = 0;  ///< bytes parsed (after decompression)
  std::int64_t records = 0;        ///< records read from the input
};

/// Imports one NVD CVE API 2.0 feed file (`nvdcve-2.0-YYYY.json[.gz]`).
Result<ImportResult> import_nvd_file(Database& db, const std::string& path);

/// Imports OSV records from a JSON file, a directory of them or a zip.
Result<ImportResult> import_osv_input(Database& db, const std::string& path);

/// Imports the CISA KEV catalog (CSV or JSON).
Result<ImportResult> import_kev_file(Database& db, const std::string& path);

/// Imports a FIRST EPSS scores file (CSV, plain or gzip).
Result<ImportResult> import_epss_file(Database& db, const std::string& path);

/// "name" of a path without directories and without .gz/.json/.csv/.zip suffixes.
std::string input_stem(const std::string& path);

}  // namespace pedigree::db
