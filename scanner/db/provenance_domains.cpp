// ProvenanceDb: the vendors behind the domains devices talk to.
#include "scanner/db/provenance.h"

namespace pedigree::db {

Result<std::optional<DomainOwner>> ProvenanceDb::domain_owner(std::string_view domain) {
  auto q = db_.prepare(
      "SELECT d.domain, coalesce(v.name, d.vendor_name), coalesce(v.country, ''), d.role "
      "FROM domain_owners d LEFT JOIN vendors v ON v.id = d.vendor_id WHERE d.domain = ?");
  if (!q) return q.error();
  q->bind(1, std::string(domain));
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<DomainOwner>();
  return std::optional<DomainOwner>(
      DomainOwner{q->column_text(0), q->column_text(1), q->column_text(2), q->column_text(3)});
}

}  // namespace pedigree::db
