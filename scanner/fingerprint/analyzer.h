// The interface of one fingerprinting analysis (component rules, package
// metadata, ELF properties, ...): a pure function from one file to facts.
#pragma once

#include <string_view>

#include "scanner/fingerprint/facts.h"
#include "scanner/fingerprint/file_ref.h"

namespace pedigree::fingerprint {

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  virtual std::string_view name() const = 0;
  /// Appends what the file shows to `out`. Called from several threads at
  /// once, so implementations keep no mutable state (per-thread scratch is
  /// theirs to manage). Malformed input adds nothing, never throws.
  virtual void analyze(const FileRef& file, Facts& out) const = 0;
};

}  // namespace pedigree::fingerprint
