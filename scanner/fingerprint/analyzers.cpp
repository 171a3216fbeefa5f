#include "scanner/fingerprint/analyzers.h"

#include "scanner/fingerprint/metadata/metadata_analyzers.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const std::vector<const Analyzer*> kAll = metadata_analyzers();
  return kAll;
}

}  // namespace pedigree::fingerprint
