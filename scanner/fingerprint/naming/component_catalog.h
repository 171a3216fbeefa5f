// The names a component goes by: canonical name → CPE, purl, supplier and
// CycloneDX type, and the package and library-file names that mean it.
//
// An interface so that a scan can answer from the provenance database; the
// built-in implementation (seed_catalog.h) answers from the seed CSV files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pedigree::fingerprint {

/// How one canonical component is named in CPE, purl and SBOMs.
struct ComponentNaming {
  std::string name;  ///< canonical name
  std::string cpe_vendor;
  std::string cpe_product;
  std::string purl_type;  ///< "generic" unless the component has a home registry
  std::string purl_namespace;
  std::string purl_name;
  std::string supplier;
  std::string type;  ///< library, application, operating-system, firmware
};

/// What a library file name says: the component, and its upstream version
/// only where the file name's numbers are known to be that version.
struct LibraryFileMatch {
  std::string name;
  std::string version;
};

class ComponentCatalog {
 public:
  virtual ~ComponentCatalog() = default;
  /// Naming of a canonical component; nullptr for names the catalog lacks.
  virtual const ComponentNaming* lookup(std::string_view name) const = 0;
  /// Canonical name for a package name (dpkg, opkg, Buildroot, Yocto), or
  /// for a source package name; nullopt when unknown.
  virtual std::optional<std::string> package_component(std::string_view package) const = 0;
  /// What a shared-library file name (no directory) says, if anything.
  virtual std::optional<LibraryFileMatch> soname_version(std::string_view file_name) const = 0;
};

}  // namespace pedigree::fingerprint
