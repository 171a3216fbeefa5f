// Severities of findings, in order, and the small arithmetic on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pedigree::risk {

/// 4 critical, 3 high, 2 medium, 1 low, 0 info; nullopt for anything else.
std::optional<int> severity_rank(std::string_view severity);

/// The name of a rank (clamped to 0..4).
std::string severity_name(int rank);

/// The more severe of two severities.
std::string at_least(const std::string& severity, const std::string& floor);

/// Severity of a CVSS base score: >= 9 critical, >= 7 high, >= 4 medium,
/// > 0 low, 0 info; medium when unknown (negative), as a conservative default.
std::string cvss_severity(double score);

}  // namespace pedigree::risk
