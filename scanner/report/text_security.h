// Terminal sections for the security facts: findings (most severe first),
// then certificates, keys, accounts and services, in a few lines each.
#pragma once

#include <cstddef>
#include <string>

#include "scanner/report/report.h"

namespace pedigree::report {

/// Nothing when there is nothing to say. Never prints a password: only the
/// masked hint, and only for passwords the built-in dictionary knows.
void security_sections(std::string& out, const Report& r, bool color, std::size_t max_rows);

}  // namespace pedigree::report
