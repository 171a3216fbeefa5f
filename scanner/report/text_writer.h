// The terminal summary: what an auditor reads first.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

struct TextOptions {
  bool color = false;         ///< ANSI colour (only on a terminal)
  std::size_t max_rows = 20;  ///< rows per table before "… and N more"
};

std::string to_text(const Report& report, const TextOptions& options);

}  // namespace pedigree::report
