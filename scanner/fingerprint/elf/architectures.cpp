#include "scanner/fingerprint/elf/architectures.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace pedigree::fingerprint {
namespace {

/// "mips 32-bit little-endian (o32 nan2008)": the ABI without its leading CPU name.
std::string describe(const report::Binary& b) {
  std::string out = fmt::format("{} {}-bit {}-endian", b.machine, b.bits, b.endian);
  std::string abi = b.abi;
  if (abi.starts_with(b.machine + " ")) abi.erase(0, b.machine.size() + 1);
  if (!abi.empty()) out += fmt::format(" ({})", abi);
  return out;
}

}  // namespace

std::vector<std::string> summarise_architectures(const std::vector<report::Binary>& binaries) {
  std::map<std::string, std::size_t> counts;
  for (const auto& b : binaries) ++counts[describe(b)];
  std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& [name, n] : rows) out.push_back(fmt::format("{}: {} file{}", name, n, n == 1 ? "" : "s"));
  return out;
}

}  // namespace pedigree::fingerprint
