// The image's CPU architectures, summarised from its ELF files.
#pragma once

#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// One line per distinct (CPU, word size, byte order, ABI), most files first:
/// "mips 32-bit little-endian (o32): 57 files".
std::vector<std::string> summarise_architectures(const std::vector<report::Binary>& binaries);

}  // namespace pedigree::fingerprint
