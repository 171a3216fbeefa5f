// The analyzer that finds certificates and private keys in every file:
// PEM blocks anywhere, DER objects anywhere, and whole-file SSH key formats.
#pragma once

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::security {

class CryptoAnalyzer final : public fingerprint::Analyzer {
 public:
  std::string_view name() const override { return "certificates-and-keys"; }
  void analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const override;
};

/// What one file holds, without its origin (for tests and fuzzing).
fingerprint::SecurityFacts find_crypto_objects(ByteView data);

}  // namespace pedigree::security
