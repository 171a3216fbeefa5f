// Merges component sightings into the report's components: one component per
// (name, version, relation), with every piece of evidence kept.
#pragma once

#include <vector>

#include "scanner/fingerprint/facts.h"
#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// `hits` sorted (Facts::sort). The result is sorted by name, version, relation.
std::vector<report::Component> merge_components(const std::vector<ComponentHit>& hits);

}  // namespace pedigree::fingerprint
