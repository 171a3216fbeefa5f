// The component rule texts: embedded at build time from rules/components/,
// or read from a directory given on the command line.
#pragma once

#include <string>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/fingerprint/yara/yara_rules.h"

namespace pedigree::fingerprint {

/// The rule files built into the executable, sorted by file name.
std::vector<yara::RuleText> embedded_rule_files();

/// Every `*.yar` file of `dir`, sorted by file name.
Result<std::vector<yara::RuleText>> read_rule_dir(const std::string& dir);

/// SHA-256 identifying a rule set: over each file, in the given order, its
/// name, a NUL, its text and a NUL.
std::string rules_sha256(const std::vector<yara::RuleText>& files);

}  // namespace pedigree::fingerprint
