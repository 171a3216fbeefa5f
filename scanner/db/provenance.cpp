// ProvenanceDb: opening, vendors and components.
#include "scanner/db/provenance.h"
#include "scanner/db/seed_file.h"

#include <set>

#include "scanner/db/migrations.h"
#include "scanner/db/name_key.h"

namespace pedigree::db {
namespace {

/// Longest parent chain followed (guards against a cycle in the data).
constexpr int kMaxParentDepth = 16;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Result<ProvenanceDb> ProvenanceDb::open(const std::string& path) {
  auto db = Database::open(path, OpenMode::kReadOnly);
  if (!db) return db.error();
  auto app = db->query_int("PRAGMA application_id");
  if (!app) return make_error(app.error().code, path + ": " + app.error().message);
  if (*app != kApplicationId) return make_error(Errc::kBadMagic, path + ": not a Pedigree provenance database");
  auto v = schema_version(*db);
  if (!v) return make_error(v.error().code, path + ": " + v.error().message);
  if (*v != latest_schema_version())
    return make_error(Errc::kUnsupported, path + ": schema version " + std::to_string(*v) + ", this pedigree needs " +
                                              std::to_string(latest_schema_version()) + " (run pedigree db build)");
  return ProvenanceDb(std::move(*db));
}

Result<Statement*> ProvenanceDb::statement(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    auto q = db_.prepare(sql);
    if (!q) return q.error();
    it = statements_.emplace(sql, std::move(*q)).first;
  }
  it->second.reset();
  return &it->second;
}

Result<std::vector<VendorLink>> ProvenanceDb::parents_of(std::int64_t id, std::vector<std::int64_t>& ids) {
  auto q = db_.prepare(
      "SELECT p.id, p.name, p.country, p.ownership FROM vendors v JOIN vendors p ON p.id = v.parent_id WHERE v.id = ?");
  if (!q) return q.error();
  std::vector<VendorLink> out;
  std::set<std::int64_t> seen{id};
  for (int depth = 0; depth < kMaxParentDepth; ++depth) {
    q->bind(1, id);
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    id = q->column_int(0);
    if (!seen.insert(id).second) break;  // a cycle in the data
    ids.push_back(id);
    out.push_back({q->column_text(1), q->column_text(2), q->column_text(3)});
    q->reset();
  }
  return out;
}

Result<std::vector<ListEntryInfo>> ProvenanceDb::entries_of(std::int64_t id) {
  auto q = db_.prepare(
      "SELECT e.list, e.jurisdiction, e.entity, v.name, e.scope, e.date_added, e.source FROM list_entries e "
      "JOIN vendors v ON v.id = e.vendor_id WHERE e.vendor_id = ? ORDER BY e.list, e.date_added, e.id");
  if (!q) return q.error();
  q->bind(1, id);
  std::vector<ListEntryInfo> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back({q->column_text(0), q->column_text(1), q->column_text(2), q->column_text(3), q->column_text(4),
                   q->column_text(5), q->column_text(6)});
  }
  return out;
}

Result<std::optional<VendorInfo>> ProvenanceDb::vendor(std::string_view name) {
  auto q = db_.prepare(
      "SELECT v.id, v.name, v.country, v.ownership, v.website, v.roles, v.source, v.checked FROM vendor_aliases a "
      "JOIN vendors v ON v.id = a.vendor_id WHERE a.key = ?1 ORDER BY (v.name = ?2) DESC, v.id LIMIT 1");
  if (!q) return q.error();
  q->bind(1, name_key(name)).bind(2, name);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<VendorInfo>();
  std::int64_t id = q->column_int(0);
  VendorInfo v{q->column_text(1),
               q->column_text(2),
               q->column_text(3),
               q->column_text(4),
               split_list(q->column_text(5)),
               q->column_text(6),
               q->column_text(7),
               {},
               {}};
  // The vendor's own entries, then each parent's, nearest first.
  std::vector<std::int64_t> chain{id};
  auto parents = parents_of(id, chain);
  if (!parents) return parents.error();
  v.parents = std::move(*parents);
  for (auto vid : chain) {
    auto entries = entries_of(vid);
    if (!entries) return entries.error();
    v.list_entries.insert(v.list_entries.end(), entries->begin(), entries->end());
  }
  return std::optional<VendorInfo>(std::move(v));
}

Result<std::optional<ComponentInfo>> ProvenanceDb::component(std::string_view name) {
  // Exact name, then an alias of any kind, then a CPE "vendor:product" pair.
  auto q = db_.prepare(
      "SELECT c.name, c.cpe_vendor, c.cpe_product, c.purl_type, c.purl_namespace, c.purl_name, c.supplier_name, "
      "c.upstream, m.how FROM ("
      "  SELECT name, 'name' AS how, 0 AS rank FROM components WHERE name = ?1 OR name = ?2"
      "  UNION ALL SELECT name, kind, 1 FROM component_aliases WHERE alias = ?1 OR alias = ?2"
      "  UNION ALL SELECT name, 'cpe', 2 FROM components WHERE cpe_vendor || ':' || cpe_product = ?2"
      ") m JOIN components c ON c.name = m.name ORDER BY m.rank, m.how, c.name LIMIT 1");
  if (!q) return q.error();
  q->bind(1, name).bind(2, lower(name));
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<ComponentInfo>();
  ComponentInfo c;
  std::string* fields[] = {&c.name,      &c.cpe_vendor, &c.cpe_product, &c.purl_type, &c.purl_namespace,
                           &c.purl_name, &c.supplier,   &c.upstream,    &c.matched_by};
  for (int i = 0; i < 9; ++i) *fields[i] = q->column_text(i);
  return std::optional<ComponentInfo>(std::move(c));
}

std::string_view chipset_key_name(ChipsetKey kind) {
  switch (kind) {
    case ChipsetKey::kDtCompatible: return "dt_compatible";
    case ChipsetKey::kDtPrefix: return "dt_prefix";
    case ChipsetKey::kString: return "string";
    case ChipsetKey::kKconfig: return "kconfig";
    case ChipsetKey::kPci: return "pci";
    case ChipsetKey::kUsb: return "usb";
  }
  return "";
}

}  // namespace pedigree::db
