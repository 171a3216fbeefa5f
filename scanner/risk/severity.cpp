#include "scanner/risk/severity.h"

#include <algorithm>
#include <array>

namespace pedigree::risk {
namespace {

constexpr std::array<const char*, 5> kNames = {"info", "low", "medium", "high", "critical"};
constexpr double kCritical = 9.0, kHigh = 7.0, kMedium = 4.0;

}  // namespace

std::optional<int> severity_rank(std::string_view severity) {
  for (int i = 0; i < static_cast<int>(kNames.size()); ++i) {
    if (severity == kNames[static_cast<std::size_t>(i)]) return i;
  }
  return std::nullopt;
}

std::string severity_name(int rank) { return kNames[static_cast<std::size_t>(std::clamp(rank, 0, 4))]; }

std::string at_least(const std::string& severity, const std::string& floor) {
  return severity_rank(severity).value_or(0) >= severity_rank(floor).value_or(0) ? severity : floor;
}

std::string cvss_severity(double score) {
  if (score < 0) return "medium";
  if (score >= kCritical) return "critical";
  if (score >= kHigh) return "high";
  if (score >= kMedium) return "medium";
  return score > 0 ? "low" : "info";
}

}  // namespace pedigree::risk
