// Buildroot's legal-info/manifest.csv: one row per package that went into
// the image, quoted CSV with a header:
//
//   "PACKAGE","VERSION","LICENSE","LICENSE FILES","SOURCE ARCHIVE","SOURCE SITE",...
//   "busybox","1.36.1","GPL-2.0","LICENSE","busybox-1.36.1.tar.bz2","https://www.busybox.net/downloads"
//
// Only a file whose header names PACKAGE and VERSION is read.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class BuildrootManifestAnalyzer final : public Analyzer {
 public:
  explicit BuildrootManifestAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "buildroot-manifest"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
