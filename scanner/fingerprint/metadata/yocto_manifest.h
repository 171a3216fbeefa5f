// The package manifest a Yocto/OpenEmbedded build writes next to each image
// (IMAGE.manifest, sometimes copied into the image): one package per line,
//
//   busybox cortexa7t2hf-neon 1.36.1-r0
//   libssl3 cortexa7t2hf-neon 3.1.4-r0
//
// A file is read only when every non-blank line has exactly these three
// fields, so that other files named *.manifest are left alone.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class YoctoManifestAnalyzer final : public Analyzer {
 public:
  explicit YoctoManifestAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "yocto-manifest"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
