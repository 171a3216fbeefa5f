#include "scanner/fingerprint/fingerprint_report.h"

#include "scanner/fingerprint/merge_components.h"
#include "scanner/security/security_report.h"

namespace pedigree::fingerprint {

void add_fingerprints(report::Report& report, Facts facts, const unpack::Tree& /*tree*/) {
  report.components = merge_components(facts.components);
  report.binaries = std::move(facts.binaries);
  security::add_security(report, std::move(facts.security));
}

}  // namespace pedigree::fingerprint
