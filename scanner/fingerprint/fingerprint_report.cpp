#include "scanner/fingerprint/fingerprint_report.h"

#include "scanner/fingerprint/confidence.h"
#include "scanner/fingerprint/contained_hits.h"
#include "scanner/fingerprint/elf/architectures.h"
#include "scanner/fingerprint/merge_components.h"
#include "scanner/fingerprint/metadata/uboot_env.h"
#include "scanner/fingerprint/naming/name_components.h"
#include "scanner/fingerprint/naming/seed_catalog.h"
#include "scanner/fingerprint/network/network_report.h"
#include "scanner/fingerprint/sightings.h"
#include "scanner/security/security_report.h"

namespace pedigree::fingerprint {

void add_fingerprints(report::Report& report, Facts facts, const unpack::Tree& tree) {
  report.components = merge_components(drop_contained_hits(std::move(facts.components), tree));
  name_components(report.components, seed_catalog());
  for (auto& w : version_conflicts(report.components)) report.warnings.push_back(std::move(w));
  report.binaries = std::move(facts.binaries);
  security::add_security(report, std::move(facts.security));
  report.chipset_evidence = innermost_evidence(std::move(facts.chipset_evidence), report.layers);
  assign_security_confidence(report);
  report.network = merge_network(facts.macs, facts.endpoints, report.layers, facts.uboot_envs);
  for (const auto& e : facts.uboot_envs) {
    if (!e.crc_ok) report.warnings.push_back({"uboot-env", e.origin, uboot_env_warning(e)});
  }
  report.architectures = summarise_architectures(report.binaries);
}

}  // namespace pedigree::fingerprint
