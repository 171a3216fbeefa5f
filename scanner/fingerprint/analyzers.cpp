#include "scanner/fingerprint/analyzers.h"

#include "scanner/security/crypto_analyzer.h"
#include "scanner/security/system_analyzers.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const security::CryptoAnalyzer kCrypto;
  static const security::AccountsAnalyzer kAccounts;
  static const security::ServicesAnalyzer kServices;
  static const std::vector<const Analyzer*> kAll = {&kCrypto, &kAccounts, &kServices};
  return kAll;
}

}  // namespace pedigree::fingerprint
