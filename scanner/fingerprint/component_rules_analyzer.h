// The component rules analyzer: every rule of rules/components/ run in one
// pass over each file's bytes, matches turned into component sightings.
#pragma once

#include <memory>
#include <string>

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/yara/yara_rules.h"

namespace pedigree::fingerprint {

class ComponentRulesAnalyzer : public Analyzer {
 public:
  explicit ComponentRulesAnalyzer(std::shared_ptr<const yara::CompiledRules> rules) : rules_(std::move(rules)) {}
  std::string_view name() const override { return "component-rules"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  std::shared_ptr<const yara::CompiledRules> rules_;
};

/// The embedded rule set: loaded on first use from the form compiled at build
/// time, else compiled from the embedded texts; null if neither works (the
/// unit tests make sure both do).
std::shared_ptr<const yara::CompiledRules> builtin_component_rules();

/// The embedded rule texts compiled now (what builtin_component_rules() falls back to).
std::shared_ptr<const yara::CompiledRules> compiled_rule_texts();

/// SHA-256 of the embedded rule texts (rule_files.h), for the report.
const std::string& rules_sha256();

}  // namespace pedigree::fingerprint
