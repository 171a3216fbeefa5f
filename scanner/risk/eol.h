// The end-of-life table (rules/eol.csv: component,branch,eol,source): release
// branches whose maintainers no longer publish security fixes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::risk {

struct EolEntry {
  std::string component, branch, eol, source;
};

/// Parses the table (header line first; lines without four fields skipped).
std::vector<EolEntry> parse_eol_table(std::string_view csv);

/// The entry whose branch the version belongs to ("1.1.1w" is in 1.1.1,
/// "4.14.180" in 4.14, "4.140" is not), if any.
std::optional<EolEntry> find_eol(const std::vector<EolEntry>& table, std::string_view component,
                                 std::string_view version);

}  // namespace pedigree::risk
