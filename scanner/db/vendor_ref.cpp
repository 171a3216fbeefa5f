#include "scanner/db/vendor_ref.h"

#include "scanner/db/name_key.h"

namespace pedigree::db {

Result<VendorRef> VendorRef::prepare(Database& db) {
  // An exact name match sorts first; among aliases, the oldest vendor row wins.
  auto q = db.prepare(
      "SELECT v.id FROM vendor_aliases a JOIN vendors v ON v.id = a.vendor_id WHERE a.key = ?1 "
      "ORDER BY (v.name = ?2) DESC, v.id LIMIT 1");
  if (!q) return q.error();
  return VendorRef(std::move(*q));
}

Result<std::optional<std::int64_t>> VendorRef::find(std::string_view name) {
  by_key_.bind(1, name_key(name)).bind(2, name);
  auto row = by_key_.step();
  std::optional<std::int64_t> id;
  if (row && *row) id = by_key_.column_int(0);
  by_key_.reset();
  if (!row) return row.error();
  return id;
}

}  // namespace pedigree::db
