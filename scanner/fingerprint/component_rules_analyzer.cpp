#include "scanner/fingerprint/component_rules_analyzer.h"

#include "scanner/fingerprint/rule_files.h"
#include "scanner/fingerprint/rule_hits.h"

namespace pedigree::fingerprint {

void ComponentRulesAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!rules_ || file.data.empty()) return;
  auto matches = rules_->scan(file.data);
  if (!matches.ok() || matches->empty()) return;
  for (auto& h : rule_hits(rules_->rules(), *matches, file)) out.components.push_back(std::move(h));
}

std::shared_ptr<const yara::CompiledRules> builtin_component_rules() {
  static const std::shared_ptr<const yara::CompiledRules> kRules = [] {
    auto compiled = yara::CompiledRules::compile(embedded_rule_files());
    return compiled.ok() ? *compiled : nullptr;
  }();
  return kRules;
}

const std::string& rules_sha256() {
  static const std::string kHash = rules_sha256(embedded_rule_files());
  return kHash;
}

}  // namespace pedigree::fingerprint
