// Writes a file so that readers see the old content or the new, never half:
// write a temporary file beside it, flush, then rename over the target.
#pragma once

#include <string>
#include <string_view>

#include "scanner/core/result.h"

namespace pedigree::report {

Status write_file_atomically(const std::string& path, std::string_view content);

}  // namespace pedigree::report
