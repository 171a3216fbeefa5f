// /etc/build, written into Yocto/OpenEmbedded images by image-buildinfo:
// "KEY = value" lines with DISTRO (poky, or the vendor's distro) and
// DISTRO_VERSION, then layer revisions.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class YoctoBuildAnalyzer final : public Analyzer {
 public:
  explicit YoctoBuildAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "yocto-build"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
