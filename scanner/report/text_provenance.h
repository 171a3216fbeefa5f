// Terminal sections for what the provenance database attached: vendors with
// their countries and list entries, and the most serious vulnerabilities.
#pragma once

#include <cstddef>
#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

void provenance_sections(std::string& out, const Report& r, bool color, std::size_t max_rows);

}  // namespace pedigree::report
