// The C library functions that have a FORTIFY_SOURCE checked variant
// (`__memcpy_chk` for `memcpy`), as glibc 2.36 exports them.
#pragma once

#include <string_view>

namespace pedigree::fingerprint {

/// True when `name` (leading underscores removed) is one of them: "memcpy", "printf", …
bool is_fortifiable(std::string_view name);

/// True when `name` (leading underscores removed) is a checked variant: "memcpy_chk", …
bool is_fortified(std::string_view name);

}  // namespace pedigree::fingerprint
