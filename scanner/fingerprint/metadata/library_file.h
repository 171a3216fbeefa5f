// Shared-library file names (libz.so.1.2.13, libc-2.31.so, libcrypto.so.3).
// Which names carry the upstream version and which only an ABI number is
// data (db/seed/soname_versions.csv): libz.so.1.2.13 is zlib 1.2.13, but
// libsqlite3.so.0.8.6 is not SQLite 0.8.6, so it names SQLite alone.
// Only ELF files count: links and other files with such names do not.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class LibraryFileAnalyzer final : public Analyzer {
 public:
  explicit LibraryFileAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "library-file"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
