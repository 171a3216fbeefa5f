// opkg's database of installed packages (OpenWrt and other small
// distributions): /usr/lib/opkg/status and /usr/lib/opkg/info/*.control.
// Layout: control_fields.h. Both files name the same packages on a normal
// system; the sightings merge into one component per package version.
#pragma once

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class OpkgStatusAnalyzer final : public Analyzer {
 public:
  explicit OpkgStatusAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "opkg-status"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
