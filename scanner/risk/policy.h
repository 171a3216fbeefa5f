// A policy: how the findings of a scan are judged. Policies are data
// (rules/policies/*.json, or a user's file in the same layout):
//
//   {"name": "...", "description": "...",
//    "lists": {"fcc-covered": "critical", "*": "info"},      severity per regulatory list ("*": any other;
//                                                            "ignore" drops the finding)
//    "countries": {"denied": ["XX"], "allowed": ["YY"], "severity": "high"},
//                                                            vendors based in a denied country, or (when
//                                                            "allowed" is not empty) outside it
//    "vendors": {"denied": ["Name"], "allowed": ["Name"], "severity": "critical"},
//                                                            denied vendors; allowed ones are never flagged
//    "severity_overrides": {"SVC-UPNP": "low", "CRED-*": "critical"},
//                                                            per finding kind, exact or "PREFIX*"; "ignore" drops
//    "thresholds": {"epss_high": 0.5, "hardening_medium_share": 0.5, "hardening_examples": 5}}
//
// Every key is optional; what is missing takes the default preset's value (a
// map that is present replaces the default's map as a whole).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::risk {

struct Policy {
  std::string name = "default";
  std::string description;
  std::string sha256;                        ///< of the policy text
  std::map<std::string, std::string> lists;  ///< list id → severity or "ignore"; "*" for the rest
  std::vector<std::string> denied_countries, allowed_countries;
  std::string country_severity = "medium";
  std::vector<std::string> denied_vendors, allowed_vendors;
  std::string vendor_severity = "high";
  std::map<std::string, std::string> overrides;  ///< kind or "PREFIX*" → severity or "ignore"
  double epss_high = 0.5;                        ///< EPSS at or above this raises a vulnerability to high
  double hardening_medium_share = 0.5;           ///< share of executables lacking mitigations for medium
  std::size_t hardening_examples = 5;            ///< worst binaries named in the hardening finding

  /// Severity a regulatory list entry gets ("ignore" when the policy drops it).
  std::string list_severity(const std::string& list) const;
  /// The severity after overrides for a finding kind ("ignore" drops it).
  std::string apply_override(const std::string& kind, const std::string& severity) const;
};

/// Parses a policy text (JSON, layout above).
Result<Policy> parse_policy(std::string_view text);

/// A preset by name, or a file by path (anything that is not a preset name).
Result<Policy> load_policy(const std::string& name_or_path);

}  // namespace pedigree::risk
