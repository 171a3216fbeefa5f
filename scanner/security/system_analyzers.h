// The analyzers that read a system's configuration: account databases and
// clear-text credentials (any file, recognised by content), and what the
// init system starts (init files, recognised by path).
#pragma once

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::security {

class AccountsAnalyzer final : public fingerprint::Analyzer {
 public:
  std::string_view name() const override { return "accounts"; }
  void analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const override;
};

class ServicesAnalyzer final : public fingerprint::Analyzer {
 public:
  std::string_view name() const override { return "services"; }
  void analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const override;
};

}  // namespace pedigree::security
