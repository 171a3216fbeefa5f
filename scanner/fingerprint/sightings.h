// The same bytes seen twice: once in a container file (a flash dump, an
// uncompressed archive) and once in a file the unpacker took out of it. The
// inner file says more (its path), so the container's sighting is dropped —
// but only when it lies inside the layer that file came from, so that a
// second, separate copy elsewhere in the container is still reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// Where one value was seen.
struct Sighting {
  std::string origin;
  std::uint64_t offset = 0;
};

/// `seen` without the sightings a file inside a layer repeats, in their order.
std::vector<Sighting> innermost(const std::vector<Sighting>& seen, const std::vector<report::Layer>& layers);

/// Chipset evidence without the items a file inside a layer repeats (same
/// kind and value), in their order.
std::vector<report::ChipsetEvidence> innermost_evidence(std::vector<report::ChipsetEvidence> evidence,
                                                        const std::vector<report::Layer>& layers);

}  // namespace pedigree::fingerprint
