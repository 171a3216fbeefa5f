// The analyzers a scan runs over every file, in a fixed order.
#pragma once

#include <vector>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Every built-in analyzer. Built once, immutable, shared by all threads.
const std::vector<const Analyzer*>& default_analyzers();

}  // namespace pedigree::fingerprint
