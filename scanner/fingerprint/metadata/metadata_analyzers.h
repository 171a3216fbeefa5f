// The package and system metadata analyzers, named through the seed catalog.
#pragma once

#include <vector>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Every metadata analyzer, built once, immutable, shared by all threads.
const std::vector<const Analyzer*>& metadata_analyzers();

}  // namespace pedigree::fingerprint
