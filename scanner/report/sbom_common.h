// What the SBOM writers (CycloneDX, SPDX) share: deterministic identifiers,
// a stable reference per component, and the dependency edges between
// components that the ELF NEEDED entries imply.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::report {

/// A name-based UUID (RFC 9562 version 8: the first 128 bits of SHA-256(name),
/// version and variant bits set), lower-case and hyphenated. Same name, same UUID.
std::string name_uuid(std::string_view name);

/// The document's UUID: derived from the image's SHA-256, the tool version and `format`.
std::string document_uuid(const Report& r, std::string_view format);

/// A stable, unique reference for the component: "name@version", plus
/// "+relation" for a copy that is statically linked or built against.
std::string component_ref(const Component& c);

/// The reference date as an RFC 3339 timestamp ("2026-01-31T00:00:00Z"); empty without one.
std::string reference_timestamp(const Report& r);

/// For each component (by index into r.components), the components it needs:
/// a binary that carries component A and names library L in DT_NEEDED makes
/// A depend on every component carried by a binary of the image whose SONAME
/// (or, without one, file name) is L. Self-edges are left out.
std::vector<std::set<std::size_t>> component_dependencies(const Report& r);

}  // namespace pedigree::report
