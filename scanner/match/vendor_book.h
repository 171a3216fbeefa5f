// Collects the vendors a scan has seen, each with the roles it plays and what
// the provenance database knows of it (country, parents, list entries).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/provenance.h"
#include "scanner/report/report.h"

namespace pedigree::match {

class VendorBook {
 public:
  explicit VendorBook(db::ProvenanceDb& db) : db_(db) {}
  /// Records that `vendor` (a name or alias) plays `role`. Names the database
  /// does not know are kept as they are, without a country.
  Status add(const std::string& vendor, report::VendorRole role);
  /// As add; `country` is used when the database does not know the vendor
  /// (an IEEE registry organisation keeps the registry's country).
  Status add(const std::string& vendor, report::VendorRole role, const std::string& country);
  /// Every vendor seen, sorted by name, roles and list entries sorted.
  std::vector<report::Vendor> take();

 private:
  db::ProvenanceDb& db_;
  std::map<std::string, report::Vendor> vendors_;  ///< by canonical name
};

}  // namespace pedigree::match
