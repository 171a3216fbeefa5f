#include "scanner/fingerprint/fingerprint_report.h"

#include "scanner/fingerprint/elf/architectures.h"
#include "scanner/fingerprint/merge_components.h"

namespace pedigree::fingerprint {

void add_fingerprints(report::Report& report, Facts facts, const unpack::Tree& /*tree*/) {
  report.components = merge_components(facts.components);
  report.binaries = std::move(facts.binaries);
  report.architectures = summarise_architectures(report.binaries);
}

}  // namespace pedigree::fingerprint
