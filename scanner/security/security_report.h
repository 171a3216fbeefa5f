// The post-walk step for the security facts: joins what single files said
// (passwd with shadow, keys with certificates, copies of one key), judges
// certificate dates against the reference date, cracks password hashes
// within a budget, finds permission problems in the unpacked trees, and
// derives the findings.
#pragma once

#include "scanner/fingerprint/security_facts.h"
#include "scanner/report/report.h"
#include "scanner/security/crack.h"

namespace pedigree::security {

/// Fills the report's security sections. Reads r.reference_date and r.files;
/// adds warnings (e.g. hashes the cracking budget skipped) to r.warnings.
void add_security(report::Report& r, fingerprint::SecurityFacts facts, const CrackBudget& budget = {});

/// Sets expired / not_yet_valid / expires_soon of `c` as of `reference_date` (YYYY-MM-DD).
void judge_dates(report::Certificate& c, const std::string& reference_date);

/// Pairs passwd and shadow entries of the same directory and cracks hashes.
std::vector<report::Credential> build_credentials(const std::vector<fingerprint::AccountEntry>& accounts,
                                                  const CrackBudget& budget, std::vector<report::Warning>& warnings);

}  // namespace pedigree::security
