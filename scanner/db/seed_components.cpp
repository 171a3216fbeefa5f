// components.csv and component_aliases.csv → components, component_aliases.
#include <string>

#include "scanner/db/seed_core.h"
#include "scanner/db/seed_file.h"
#include "scanner/db/vendor_ref.h"

namespace pedigree::db {
namespace {

Status bad(std::string msg) { return make_error(Errc::kCorrupt, std::move(msg)); }

Status load_components(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare(
      "INSERT INTO components(name, cpe_vendor, cpe_product, purl_type, purl_namespace, purl_name, supplier_id, "
      "supplier_name, upstream, data_source) VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  auto ref = VendorRef::prepare(db);
  if (!ref) return ref.error();
  NoteCap notes(log);
  SeedSpec spec{
      "components.csv",
      {"name", "cpe_vendor", "cpe_product", "purl_type", "purl_namespace", "purl_name", "supplier", "upstream"},
      {"components"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty()) return bad("empty component name");
    std::optional<std::int64_t> supplier;
    if (!row[6].empty()) {
      auto found = ref->find(row[6]);
      if (!found) return found.error();
      supplier = *found;
      if (!supplier)
        notes.add("components.csv:" + std::to_string(row.line()) + ": supplier '" + std::string(row[6]) +
                  "' is not in vendors.csv");
    }
    ins->bind(1, row[0]);
    for (int i = 1; i <= 5; ++i) ins->bind_or_null(i + 1, row[static_cast<std::size_t>(i)]);
    ins->bind(7, supplier).bind_or_null(8, row[6]).bind_or_null(9, row[7]).bind(10, source);
    if (auto st = ins->run(); !st) return bad("component '" + std::string(row[0]) + "': " + st.error().message);
    return Ok{};
  });
}

Status load_component_aliases(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare("INSERT INTO component_aliases(alias, kind, name, data_source) VALUES (?,?,?,?)");
  auto known = db.prepare("SELECT 1 FROM components WHERE name = ?");
  if (!ins) return ins.error();
  if (!known) return known.error();
  NoteCap notes(log);
  SeedSpec spec{"component_aliases.csv", {"alias", "kind", "name"}, {"component_aliases"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty() || row[2].empty()) return bad("alias and name must not be empty");
    if (row[1] != "package" && row[1] != "soname" && row[1] != "cpe")
      return bad("kind '" + std::string(row[1]) + "' is not package, soname or cpe");
    known->bind(1, row[2]);
    auto found = known->step();
    bool is_known = found && *found;
    known->reset();
    if (!is_known)
      notes.add("component_aliases.csv:" + std::to_string(row.line()) + ": component '" + std::string(row[2]) +
                "' is not in components.csv");
    ins->bind_all(row[0], row[1], row[2], source);
    if (auto st = ins->run(); !st) return bad("alias '" + std::string(row[0]) + "': " + st.error().message);
    return Ok{};
  });
}

}  // namespace

Status load_component_seed(Database& db, const std::string& dir, SeedLog& log) {
  if (auto st = load_components(db, dir, log); !st) return st;
  return load_component_aliases(db, dir, log);
}

}  // namespace pedigree::db
