// dpkg's database of installed packages: /var/lib/dpkg/status, and the
// per-package files under /var/lib/dpkg/status.d/ that distroless images
// carry instead. Layout: control_fields.h.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class DpkgStatusAnalyzer final : public Analyzer {
 public:
  explicit DpkgStatusAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "dpkg-status"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
