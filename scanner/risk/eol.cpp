#include "scanner/risk/eol.h"

#include <cctype>

namespace pedigree::risk {
namespace {

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

std::vector<EolEntry> parse_eol_table(std::string_view csv) {
  std::vector<EolEntry> out;
  bool header = true;
  while (!csv.empty()) {
    auto nl = csv.find('\n');
    auto line = csv.substr(0, nl);
    csv = nl == std::string_view::npos ? std::string_view{} : csv.substr(nl + 1);
    if (header) {
      header = false;
      continue;
    }
    auto f = split(line);
    if (f.size() == 4 && !f[0].empty() && !f[1].empty()) out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

std::optional<EolEntry> find_eol(const std::vector<EolEntry>& table, std::string_view component,
                                 std::string_view version) {
  for (const auto& e : table) {
    if (e.component != component || !version.starts_with(e.branch)) continue;
    // The branch must end at a component boundary: 1.1.1 matches 1.1.1w but 4.1 does not match 4.14.
    if (version.size() == e.branch.size()) return e;
    char next = version[e.branch.size()];
    bool digit_branch_end = std::isdigit(static_cast<unsigned char>(e.branch.back())) != 0;
    if (!digit_branch_end || std::isdigit(static_cast<unsigned char>(next)) == 0) return e;
  }
  return std::nullopt;
}

}  // namespace pedigree::risk
