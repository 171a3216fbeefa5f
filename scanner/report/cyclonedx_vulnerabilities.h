// The `vulnerabilities` of a CycloneDX 1.6 document, with VEX analysis: one
// entry per vulnerability of a component found (its rating, CWEs, the
// component it affects and the version matched), and an `analysis` where
// the report has a statement to make — a waiver that covers the finding
// (its state, justification and response, or in_triage when it states
// none), or a distribution revision that may carry a backported fix.
#pragma once

#include "scanner/report/json_sections.h"

namespace pedigree::report {

/// The entries, in the report's order (actively exploited first, then by score).
/// `image_ref` is the bom-ref of the firmware itself, for a vulnerability
/// whose component the document does not list.
Json cyclonedx_vulnerabilities(const Report& r, std::string_view image_ref);

}  // namespace pedigree::report
