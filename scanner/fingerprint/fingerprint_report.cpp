#include "scanner/fingerprint/fingerprint_report.h"

#include "scanner/fingerprint/merge_components.h"
#include "scanner/fingerprint/network/network_report.h"
#include "scanner/fingerprint/sightings.h"

namespace pedigree::fingerprint {

void add_fingerprints(report::Report& report, Facts facts, const unpack::Tree& /*tree*/) {
  report.components = merge_components(facts.components);
  report.binaries = std::move(facts.binaries);
  report.chipset_evidence = innermost_evidence(std::move(facts.chipset_evidence), report.layers);
  report.network = merge_network(facts.macs, facts.endpoints, report.layers);
}

}  // namespace pedigree::fingerprint
