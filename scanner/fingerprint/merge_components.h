// Merges component sightings into the report's components, with every piece
// of evidence kept:
//  - sightings of the same name, version and relation are one component;
//  - a sighting without a version joins the versioned component of that name
//    and relation when exactly one exists: first among those seen in the same
//    file, then among all; otherwise it stays a component without a version;
//  - a different version is a different component, even when one comes from
//    the package database and one from the binary (version_conflicts() says so);
//  - "statically-linked" and "built-against" copies never merge into the
//    component that is present.
#pragma once

#include <vector>

#include "scanner/fingerprint/facts.h"
#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// `hits` sorted (Facts::sort). The result is sorted by name, version, relation.
std::vector<report::Component> merge_components(const std::vector<ComponentHit>& hits);

/// One warning per component name whose present (relation-less) copies
/// disagree on the version, saying which evidence states which version.
std::vector<report::Warning> version_conflicts(const std::vector<report::Component>& components);

}  // namespace pedigree::fingerprint
