// The seed CSV files the component catalog is built from, embedded at build
// time (cmake/embed_seed.cmake writes their definitions). Layouts are
// documented in db/seed/README.md.
#pragma once

#include <string_view>

namespace pedigree::fingerprint::seed_data {

extern const std::string_view components_csv;         ///< name → CPE, purl, supplier
extern const std::string_view operating_systems_csv;  ///< same layout, distributions
extern const std::string_view component_types_csv;    ///< name → CycloneDX type
extern const std::string_view component_aliases_csv;  ///< alias,kind,name (may be empty)
extern const std::string_view package_aliases_csv;    ///< alias,kind,name
extern const std::string_view soname_versions_csv;    ///< library file name patterns

}  // namespace pedigree::fingerprint::seed_data
