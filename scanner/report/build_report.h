// Turns the unpacked tree into the report's unpacking sections.
#pragma once

#include "scanner/report/report.h"
#include "scanner/unpack/walker.h"

namespace pedigree::report {

void add_unpack_result(Report& report, const unpack::UnpackResult& result);

}  // namespace pedigree::report
