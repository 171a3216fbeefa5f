// OpenWrt's release files: /etc/openwrt_release (shell assignments,
// DISTRIB_ID='OpenWrt', DISTRIB_RELEASE='23.05.3', DISTRIB_REVISION='r23809-…')
// and /etc/openwrt_version (one line, the revision only, so it names OpenWrt
// without a version). "SNAPSHOT" releases have no version either.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class OpenwrtReleaseAnalyzer final : public Analyzer {
 public:
  explicit OpenwrtReleaseAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "openwrt-release"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
