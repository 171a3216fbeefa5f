// Merges the MAC address and endpoint sightings of every file into the
// report's network section: one entry per address and per endpoint, with
// every file it was seen in, and each host's registrable domain and ccTLD
// country. A sighting in a container file is dropped when it lies inside a
// layer the unpacker opened there and the same value was seen in a file of
// that layer: the bytes are the same, and the inner file says more.
// Each address and endpoint gets the confidence of its best sighting
// (scanner/fingerprint/confidence.h): a sighting inside a U-Boot environment
// is judged by that environment's CRC32.
#pragma once

#include <vector>

#include "scanner/fingerprint/facts.h"
#include "scanner/fingerprint/sightings.h"
#include "scanner/report/report.h"

namespace pedigree::fingerprint {

report::Network merge_network(const std::vector<MacSighting>& macs, const std::vector<EndpointSighting>& endpoints,
                              const std::vector<report::Layer>& layers, const std::vector<UBootEnvironment>& envs = {});

}  // namespace pedigree::fingerprint
