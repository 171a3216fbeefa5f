// The JSON report's sections, one function per section, so that each
// analysis adds its own writer file without touching the others.
#pragma once

#include <nlohmann/json.hpp>

#include "scanner/report/report.h"

namespace pedigree::report {

using Json = nlohmann::ordered_json;

/// Adds a fact's "confidence" (high, medium, low) and "confidence_basis".
template <typename Fact>
void put_confidence(Json& j, const Fact& fact) {
  j["confidence"] = fact.confidence;
  j["confidence_basis"] = fact.confidence_basis;
}

Json components_json(const Report& r);
Json binaries_json(const Report& r);
Json architectures_json(const Report& r);
Json database_json(const Report& r);
Json vulnerabilities_json(const Report& r);
Json vendors_json(const Report& r);
/// certificates, keys, credentials, services, permissions, findings (json_security.cpp).
void add_security_sections(Json& j, const Report& r);
Json chipsets_json(const Report& r);
Json boot_banners_json(const Report& r);
Json network_json(const Report& r);
/// The findings' verdict fields, provisions, waivers, evidence (json_risk.cpp);
/// after add_security_sections.
void add_risk_sections(Json& j, const Report& r);
/// summary.risk (json_risk.cpp).
Json risk_summary_json(const Report& r);

}  // namespace pedigree::report
