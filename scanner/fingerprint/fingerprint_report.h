// Turns the collected facts into the report's fingerprint sections
// (components, binaries, architectures).
#pragma once

#include "scanner/fingerprint/facts.h"
#include "scanner/report/report.h"
#include "scanner/unpack/tree.h"

namespace pedigree::fingerprint {

void add_fingerprints(report::Report& report, Facts facts, const unpack::Tree& tree);

}  // namespace pedigree::fingerprint
