// Terminal sections for the hardware and network identity of the device:
// chipsets with their confidence and evidence, MAC addresses with their
// block owners, and the endpoints the firmware talks to.
#pragma once

#include <cstddef>
#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

void identity_sections(std::string& out, const Report& r, bool color, std::size_t max_rows);

}  // namespace pedigree::report
