// Waivers: accepted risks. A waiver file is JSON:
//
//   {"waivers": [{"id": "W-1", "finding": "PEDIGREE-SVC-UPNP-*", "reason": "...",
//                 "author": "...", "expires": "2027-06-30"}]}
//
// "finding" is a finding id, or a pattern where * matches any run of
// characters and ? one character. Every field is required. A waiver counts
// until the end of its expiry day; from the next day on (relative to the
// report's reference date) it stops counting and the report says so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::risk {

struct Waiver {
  std::string id, finding, reason, author, expires;
};

/// Parses a waiver file's text.
Result<std::vector<Waiver>> parse_waivers(std::string_view text);

/// Reads and parses a waiver file.
Result<std::vector<Waiver>> load_waivers(const std::string& path, std::string* sha256 = nullptr);

/// True when `id` matches `pattern` (* any run, ? one character).
bool matches_pattern(std::string_view pattern, std::string_view id);

}  // namespace pedigree::risk
