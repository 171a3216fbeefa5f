// ComponentCatalog over the seed CSV files embedded at build time:
// components.csv and operating_systems.csv (naming), component_types.csv,
// component_aliases.csv and package_aliases.csv (kind "package"), and
// soname_versions.csv (library file name patterns).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

/// CSV texts a catalog is built from; each may be empty.
struct SeedTexts {
  std::vector<std::string_view> components;  ///< components.csv layout
  std::string_view types;
  std::vector<std::string_view> aliases;  ///< alias,kind,name layout
  std::string_view soname_versions;       ///< pattern,name
};

class SeedCatalog final : public ComponentCatalog {
 public:
  explicit SeedCatalog(const SeedTexts& texts);
  const ComponentNaming* lookup(std::string_view name) const override;
  std::optional<std::string> package_component(std::string_view package) const override;
  std::optional<LibraryFileMatch> soname_version(std::string_view file_name) const override;

 private:
  struct FilePattern {
    std::string prefix;  ///< text before the placeholder
    std::string suffix;  ///< text after it
    bool versioned;      ///< placeholder is {version}, not *
    std::string name;
  };
  std::map<std::string, ComponentNaming, std::less<>> naming_;
  std::map<std::string, std::string, std::less<>> packages_;
  std::vector<FilePattern> files_;
};

/// The catalog built from the embedded seed data. Immutable, shared.
const ComponentCatalog& seed_catalog();

}  // namespace pedigree::fingerprint
