#include "scanner/fingerprint/analyzers.h"

#include "scanner/fingerprint/elf/elf_analyzer.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const ElfAnalyzer kElf;
  static const std::vector<const Analyzer*> kAll = {&kElf};
  return kAll;
}

}  // namespace pedigree::fingerprint
