// Resolving a vendor name written in a seed file (list_entries.vendor,
// chipsets.vendor, components.supplier) to its row: by exact name first,
// then by any alias's name_key.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "scanner/core/result.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

class VendorRef {
 public:
  static Result<VendorRef> prepare(Database& db);
  /// The vendor's id, or nullopt when no vendor has that name or alias.
  Result<std::optional<std::int64_t>> find(std::string_view name);

 private:
  explicit VendorRef(Statement by_key) : by_key_(std::move(by_key)) {}
  Statement by_key_;
};

}  // namespace pedigree::db
