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

/// "  (medium confidence: <basis>)" for a fact below high confidence; "" for
/// high, so that the usual case stays one short line.
std::string confidence_note(const std::string& level, const std::string& basis);

}  // namespace pedigree::report
