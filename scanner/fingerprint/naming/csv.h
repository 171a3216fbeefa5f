// A small RFC 4180 CSV reader for the seed data: comma-separated fields,
// double-quoted when they hold a comma, quote or newline ("" is a quote).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pedigree::fingerprint {

using CsvRow = std::vector<std::string>;

/// Every row of `text`, the header included. Blank lines are skipped; an
/// unterminated quote ends the field at the end of the text.
std::vector<CsvRow> parse_csv(std::string_view text);

}  // namespace pedigree::fingerprint
