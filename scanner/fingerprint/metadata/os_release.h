// os-release(5) (/etc/os-release, /usr/lib/os-release): the distribution
// as an operating-system component, named by ID, versioned by VERSION_ID,
// with PRETTY_NAME as the evidence text. Debian, OpenWrt, Buildroot
// (ID=buildroot) and Yocto (ID=poky or the distro's own) all write it.
#pragma once

#include <cstdint>
#include <string>

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

class OsReleaseAnalyzer final : public Analyzer {
 public:
  explicit OsReleaseAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "os-release"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

/// A sighting of distribution `id` (lower-cased, then mapped through the
/// catalog's package names) stated by a release file.
ComponentHit distribution_hit(const ComponentCatalog& catalog, std::string id, std::string version,
                              std::string_view kind, std::string text, const FileRef& file, std::uint64_t offset);

}  // namespace pedigree::fingerprint
