#include "scanner/fingerprint/component_rules_analyzer.h"

#include "scanner/fingerprint/rule_files.h"
#include "scanner/fingerprint/rule_hits.h"

#include <string_view>
#include <utility>
#include <vector>

// Generated from rules/components/*.yar by tools/rulec.cpp at build time.
std::vector<std::pair<std::string_view, std::string_view>> pedigree_embedded_compiled_rules();

namespace pedigree::fingerprint {

void ComponentRulesAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!rules_ || file.data.empty()) return;
  auto matches = rules_->scan(file.data);
  if (!matches.ok() || matches->empty()) return;
  for (auto& h : rule_hits(rules_->rules(), *matches, file)) out.components.push_back(std::move(h));
}

std::shared_ptr<const yara::CompiledRules> builtin_component_rules() {
  static const std::shared_ptr<const yara::CompiledRules> kRules = [] {
    // The build compiled the rules already; a libyara that cannot read that
    // form (another version at run time) makes us compile the texts instead.
    for (auto [name, bytes] : pedigree_embedded_compiled_rules()) {
      auto loaded = yara::CompiledRules::load(as_bytes(bytes));
      if (loaded.ok()) return *loaded;
    }
    return compiled_rule_texts();
  }();
  return kRules;
}

std::shared_ptr<const yara::CompiledRules> compiled_rule_texts() {
  auto compiled = yara::CompiledRules::compile(embedded_rule_files());
  return compiled.ok() ? *compiled : nullptr;
}

const std::string& rules_sha256() {
  static const std::string kHash = rules_sha256(embedded_rule_files());
  return kHash;
}

}  // namespace pedigree::fingerprint
