// One installed package → one component sighting, named through the catalog.
#pragma once

#include <string>
#include <string_view>

#include "scanner/fingerprint/facts.h"
#include "scanner/fingerprint/file_ref.h"
#include "scanner/fingerprint/metadata/control_fields.h"
#include "scanner/fingerprint/metadata/upstream_version.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

/// Which package manager wrote the record, and how its purls look.
struct PackageDb {
  std::string_view purl_type;       ///< "deb", "opkg", "generic"
  std::string_view purl_namespace;  ///< "debian", "openwrt", "buildroot", "yocto"
  std::string_view evidence_kind;   ///< "package-db" or "manifest"
  VersionScheme scheme;
};

/// The sighting: the canonical name when the catalog knows the package (or
/// its source package), else the package name itself, so that everything the
/// database lists reaches the SBOM. The purl always names the package.
ComponentHit package_hit(const PackageRecord& r, const PackageDb& db, const ComponentCatalog& catalog,
                         const FileRef& file);

}  // namespace pedigree::fingerprint
