// vendors.csv, lists.csv and list_entries.csv → vendors, vendor_aliases,
// lists, list_entries.

#include "scanner/db/name_key.h"
#include "scanner/db/seed_core.h"
#include "scanner/db/seed_file.h"
#include "scanner/db/vendor_ref.h"

namespace pedigree::db {
namespace {

Status bad(std::string msg) { return make_error(Errc::kCorrupt, std::move(msg)); }

/// Every spelling of the vendor (its name first) → vendor_aliases.
Status insert_aliases(Statement& ins, std::int64_t id, const SeedRow& row, const std::string& source) {
  std::vector<std::string> spellings = split_list(row[1]);
  spellings.insert(spellings.begin(), std::string(row[0]));
  for (const auto& s : spellings) {
    std::string key = name_key(s);
    if (key.empty()) continue;
    ins.bind_all(key, s, id, source);
    if (auto st = ins.run(); !st) return st;
  }
  return Ok{};
}

Status load_vendors(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare(
      "INSERT INTO vendors(name, country, parent_name, ownership, website, roles, source, checked, data_source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto alias = db.prepare("INSERT OR IGNORE INTO vendor_aliases(key, alias, vendor_id, data_source) VALUES (?,?,?,?)");
  if (!ins) return ins.error();
  if (!alias) return alias.error();
  SeedSpec spec{"vendors.csv",
                {"name", "aliases", "country", "parent", "ownership", "website", "roles", "source", "checked"},
                {"vendors", "vendor_aliases"}};
  spec.finish = [&db, &log](const std::string& source) -> Status {
    // Parents may come later in the file, so they are resolved once all rows are in.
    auto st = db.exec(
        "UPDATE vendors SET parent_id = (SELECT p.id FROM vendors p WHERE p.name = vendors.parent_name) "
        "WHERE parent_name IS NOT NULL");
    if (!st) return st;
    auto q = db.prepare(
        "SELECT name, parent_name FROM vendors WHERE parent_name IS NOT NULL AND parent_id IS NULL "
        "AND data_source = ? ORDER BY id");
    if (!q) return q.error();
    q->bind(1, source);
    NoteCap notes(log);
    while (auto r = q->step()) {
      if (!*r) break;
      notes.add("vendors.csv: parent '" + q->column_text(1) + "' of '" + q->column_text(0) + "' is not a vendor");
    }
    return Ok{};
  };
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty()) return bad("empty vendor name");
    if (!valid_country(row[2])) return bad("country '" + std::string(row[2]) + "' is not an ISO 3166-1 alpha-2 code");
    if (!valid_date(row[8])) return bad("checked '" + std::string(row[8]) + "' is not YYYY-MM-DD");
    ins->bind(1, row[0]).bind_or_null(2, row[2]).bind_or_null(3, row[3]).bind_or_null(4, row[4]);
    ins->bind_or_null(5, row[5]).bind_or_null(6, row[6]).bind_or_null(7, row[7]).bind_or_null(8, row[8]);
    ins->bind(9, source);
    if (auto st = ins->run(); !st) return bad("vendor '" + std::string(row[0]) + "': " + st.error().message);
    return insert_aliases(*alias, db.last_insert_rowid(), row, source);
  });
}

Status load_lists(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare(
      "INSERT INTO lists(id, jurisdiction, title, authority, url, checked, data_source) VALUES (?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  SeedSpec spec{"lists.csv", {"list", "jurisdiction", "title", "authority", "url", "checked"}, {"lists"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty() || row[2].empty()) return bad("list and title must not be empty");
    if (!valid_date(row[5])) return bad("checked '" + std::string(row[5]) + "' is not YYYY-MM-DD");
    ins->bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).bind_or_null(4, row[3]).bind_or_null(5, row[4]);
    ins->bind_or_null(6, row[5]).bind(7, source);
    if (auto st = ins->run(); !st) return bad("list '" + std::string(row[0]) + "': " + st.error().message);
    return Ok{};
  });
}

Status load_list_entries(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare(
      "INSERT INTO list_entries(list, jurisdiction, entity, vendor_id, vendor_name, scope, date_added, source, "
      "checked, data_source) VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  auto ref = VendorRef::prepare(db);
  if (!ref) return ref.error();
  NoteCap notes(log);
  SeedSpec spec{"list_entries.csv",
                {"list", "jurisdiction", "entity", "vendor", "scope", "date_added", "source", "checked"},
                {"list_entries"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty() || row[2].empty()) return bad("list and entity must not be empty");
    if (!valid_date(row[5]) || !valid_date(row[7])) return bad("date_added and checked must be YYYY-MM-DD");
    auto vendor = ref->find(row[3]);
    if (!vendor) return vendor.error();
    if (!row[3].empty() && !*vendor)
      notes.add("list_entries.csv:" + std::to_string(row.line()) + ": vendor '" + std::string(row[3]) +
                "' is not in vendors.csv");
    ins->bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).bind(4, *vendor).bind_or_null(5, row[3]);
    ins->bind_or_null(6, row[4]).bind_or_null(7, row[5]).bind_or_null(8, row[6]).bind_or_null(9, row[7]);
    ins->bind(10, source);
    return ins->run();
  });
}

}  // namespace

Status load_vendor_seed(Database& db, const std::string& dir, SeedLog& log) {
  if (auto st = load_vendors(db, dir, log); !st) return st;
  if (auto st = load_lists(db, dir, log); !st) return st;
  return load_list_entries(db, dir, log);
}

}  // namespace pedigree::db
