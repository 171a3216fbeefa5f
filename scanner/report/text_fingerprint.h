// Terminal sections for the fingerprint facts: architecture and components.
#pragma once

#include <cstddef>
#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

/// "Architecture" line(s) and the components table; nothing when there is nothing to say.
void fingerprint_sections(std::string& out, const Report& r, bool color, std::size_t max_rows);

}  // namespace pedigree::report
