// CISA Known Exploited Vulnerabilities catalog, in both published forms.
//   CSV  (known_exploited_vulnerabilities.csv), RFC 4180 with a header line:
//     cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,
//     requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes
//   JSON (known_exploited_vulnerabilities.json):
//     {"title", "catalogVersion", "dateReleased", "count",
//      "vulnerabilities": [{"cveID", "vendorProject", "product", "vulnerabilityName",
//                           "dateAdded", "shortDescription", "requiredAction", "dueDate",
//                           "knownRansomwareCampaignUse", "notes", "cwes": [...]}]}
// Dates are YYYY-MM-DD; knownRansomwareCampaignUse is "Known" or "Unknown".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// One catalog entry, reduced to what the database stores.
struct KevEntry {
  std::string cve;
  std::string vendor_project, product, name;
  std::string date_added, due_date;
  std::string ransomware;  ///< "Known" or "Unknown"
};

/// A whole catalog.
struct KevCatalog {
  std::string version;  ///< catalogVersion (JSON only)
  std::string date;     ///< dateReleased (JSON), else the latest dateAdded
  std::vector<KevEntry> entries;
};

/// Parses the JSON catalog; errors start with `name` and name the entry.
Result<KevCatalog> parse_kev_json(std::string_view json, const std::string& name = "KEV JSON");

/// Parses the CSV catalog; errors read "name:line: message". Columns are found
/// by their header, so a column CISA adds later does not break the import.
Result<KevCatalog> parse_kev_csv(std::string_view csv, const std::string& name = "KEV CSV");

}  // namespace pedigree::db
