// The risk rules compiled into the executable: the policy presets, the
// provisions mapping and the end-of-life table (rules/*). Parsed once.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::risk {

/// What the mapping says about one finding kind.
struct KindInfo {
  std::string area;  ///< summary area
  std::string help;
  std::string remediation;
  std::vector<std::string> provisions;
};

struct ProvisionInfo {
  std::string id, framework, title;
};

struct ProvisionsMap {
  std::vector<ProvisionInfo> provisions;  ///< in file order
  std::map<std::string, KindInfo> kinds;
  std::vector<std::string> not_assessable;
  std::vector<std::string> sbom_provisions;
};

/// rules/provisions.json, parsed (it is checked by the tests, so it parses).
const ProvisionsMap& provisions_map();

/// The mapping entry of a kind: exact, else the longest "PREFIX-" entry
/// (CRED-NEW → CRED if such an entry exists), else a generic entry.
const KindInfo& kind_info(std::string_view kind);

/// Text of a built-in policy preset; empty when there is none by that name.
std::string_view preset_policy_text(std::string_view name);

/// Names of the presets, in order.
std::vector<std::string> preset_policy_names();

/// Text of rules/eol.csv.
std::string_view eol_table_text();

/// SHA-256 (hex) of every embedded rule file, in a fixed order: names the
/// rules a report was judged with.
std::string rules_sha256();

}  // namespace pedigree::risk
