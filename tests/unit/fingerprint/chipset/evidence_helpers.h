// One-line checks on chipset evidence lists.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::test {

/// The values of every evidence item of `kind`, in order.
inline std::vector<std::string> values_of(const std::vector<report::ChipsetEvidence>& ev, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& e : ev) {
    if (e.kind == kind) out.push_back(e.value);
  }
  return out;
}

}  // namespace pedigree::test
