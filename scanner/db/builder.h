// `pedigree db build`: a fresh database from the seed CSVs and the data
// sources Debian ships, written to a temporary file beside the output and
// renamed over it only when complete, so a failed build leaves the old one.
#pragma once

#include <string>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/seed.h"

namespace pedigree::db {

/// An input imported after the seed: an importer kind and its file.
struct SystemSource {
  std::string kind;
  std::string path;
};

/// Where Debian installs what the build imports: ieee-data, pciutils' and
/// usbutils' ID lists (pci.ids, usb.ids), ca-certificates.
std::vector<SystemSource> default_system_sources();

struct BuildOptions {
  std::string out;       ///< database file to write
  std::string seed_dir;  ///< directory of the seed CSVs
  std::vector<SystemSource> system_sources = default_system_sources();
};

/// What a build did: every source recorded, and notes (missing files,
/// unresolved names) for the user.
struct BuildResult {
  std::vector<SourceRecord> sources;
  SeedLog log;
};

Result<BuildResult> build_database(const BuildOptions& opts);

}  // namespace pedigree::db
