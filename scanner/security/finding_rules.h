// The finding rules of each security section, one file per section
// (findings.cpp: certificates and keys; finding_rules_system.cpp: accounts,
// services and permissions), and the helper they share.
#pragma once

#include <string>
#include <string_view>

#include "scanner/report/report.h"

namespace pedigree::security {

/// Appends one finding whose id derives from kind, origin and detail.
void add_finding(report::Report& r, std::string_view kind, const std::string& detail, std::string severity,
                 std::string category, std::string title, const std::string& origin, std::string evidence,
                 std::string remediation);

void add_credential_findings(report::Report& r);
void add_service_findings(report::Report& r);
void add_permission_findings(report::Report& r);

}  // namespace pedigree::security
