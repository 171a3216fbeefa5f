// Waivers: accepted risks. A waiver file is JSON:
//
//   {"waivers": [{"id": "W-1", "finding": "PEDIGREE-SVC-UPNP-*", "reason": "...",
//                 "author": "...", "expires": "2027-06-30"}]}
//
// "finding" is a finding id, or a pattern where * matches any run of
// characters and ? one character; for a vulnerability it may also name the
// vulnerability id ("CVE-2023-38545"). These five fields are required. A
// waiver may also make a VEX statement, written into the CycloneDX report's
// vulnerability analysis: "state" (not_affected, false_positive, exploitable,
// resolved, resolved_with_pedigree, in_triage), "justification" (only with
// not_affected: code_not_present, code_not_reachable, ...) and "response"
// (a list: can_not_fix, will_not_fix, update, rollback, workaround_available).
// Without "state" the analysis says in_triage: a waiver accepts a risk, it
// does not by itself claim the product is unaffected. A waiver counts
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
  std::string state, justification;  ///< VEX; empty when not given
  std::vector<std::string> responses;
};

/// Parses a waiver file's text.
Result<std::vector<Waiver>> parse_waivers(std::string_view text);

/// Reads and parses a waiver file.
Result<std::vector<Waiver>> load_waivers(const std::string& path, std::string* sha256 = nullptr);

/// True when `id` matches `pattern` (* any run, ? one character).
bool matches_pattern(std::string_view pattern, std::string_view id);

}  // namespace pedigree::risk
