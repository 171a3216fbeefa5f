// CPE 2.3 formatted-string names (NISTIR 7695, section 6.2).
#pragma once

#include <string>
#include <string_view>

namespace pedigree::fingerprint {

/// One attribute value bound for a formatted string: lower case, every
/// character other than letters, digits, '.', '-' and '_' escaped with '\'.
/// Empty gives "*" (ANY).
std::string cpe_escape(std::string_view value);

/// "cpe:2.3:PART:VENDOR:PRODUCT:VERSION:*:*:*:*:*:*:*"; part is 'a'
/// (application) or 'o' (operating system). Empty when vendor or product is.
std::string format_cpe(char part, std::string_view vendor, std::string_view product, std::string_view version);

}  // namespace pedigree::fingerprint
