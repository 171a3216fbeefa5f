// The findings the risk assessment adds to those of the security sections:
// one rule per source of facts, each a pure function of the report and the
// policy. Severities:
//   vulnerabilities  by CVSS band (>= 9 critical, >= 7 high, >= 4 medium,
//                    else low; unknown: medium); on the KEV catalog or with
//                    EPSS at or above the policy's threshold: at least high
//   end of life      medium (a branch past its end of life gets no fixes)
//   hardening        one finding per image: medium when the policy's share of
//                    executables lacks a mitigation, else low
//   regulatory lists per the policy's "lists"; vendor origin per "countries"
//   regions          encrypted-looking regions medium, other unknown data info
#pragma once

#include "scanner/report/report.h"
#include "scanner/risk/policy.h"

namespace pedigree::risk {

void add_vulnerability_findings(report::Report& r, const Policy& p);
void add_eol_findings(report::Report& r);
void add_hardening_finding(report::Report& r, const Policy& p);
void add_vendor_findings(report::Report& r, const Policy& p);
void add_region_findings(report::Report& r);

}  // namespace pedigree::risk
