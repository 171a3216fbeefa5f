// The ELF analysis: for every ELF file, what it is built for (CPU, word
// size, byte order, ABI), how it links (loader, NEEDED, SONAME, RPATH,
// RUNPATH), whether it keeps its symbol table, and how it is hardened.
#pragma once

#include <optional>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

class ElfAnalyzer : public Analyzer {
 public:
  std::string_view name() const override { return "elf"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

/// The facts about one ELF file; nullopt when `data` is not one that can be read.
std::optional<report::Binary> analyze_elf(ByteView data);

}  // namespace pedigree::fingerprint
