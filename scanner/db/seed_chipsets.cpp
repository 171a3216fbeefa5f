// chipsets.csv → chipset_families and chipset_keys (one row per key).
#include <array>
#include <string>

#include "scanner/db/seed_core.h"
#include "scanner/db/seed_file.h"
#include "scanner/db/vendor_ref.h"

namespace pedigree::db {
namespace {

Status bad(std::string msg) { return make_error(Errc::kCorrupt, std::move(msg)); }

bool is_hex4(std::string_view s) {
  if (s.size() != 4) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

/// "vvvv:dddd", lower-case hex, as pci_ids and usb_ids are written.
bool valid_bus_id(std::string_view s) {
  return s.size() == 9 && s[4] == ':' && is_hex4(s.substr(0, 4)) && is_hex4(s.substr(5));
}

bool is_glob(std::string_view key) { return key.find_first_of("*?[") != std::string_view::npos; }

/// Chipset key kinds, paired with the chipsets.csv column (SeedRow index) they come from.
struct KeyColumn {
  std::string_view kind;
  std::size_t column;
};
constexpr std::array<KeyColumn, 6> kKeyColumns = {{
    {"dt_compatible", 3},
    {"dt_prefix", 4},
    {"string", 5},
    {"kconfig", 6},
    {"pci", 7},
    {"usb", 8},
}};

Status insert_keys(Statement& ins, std::int64_t family, const SeedRow& row, const std::string& source) {
  for (const auto& kc : kKeyColumns) {
    for (const auto& key : split_list(row[kc.column])) {
      if ((kc.kind == "pci" || kc.kind == "usb") && !valid_bus_id(key))
        return bad(std::string(kc.kind) + " id '" + key + "' is not vvvv:dddd in lower-case hex");
      ins.bind_all(family, kc.kind, key, static_cast<std::int64_t>(is_glob(key)), source);
      if (auto st = ins.run(); !st) return bad("key '" + key + "': " + st.error().message);
    }
  }
  return Ok{};
}

}  // namespace

Status load_chipset_seed(Database& db, const std::string& dir, SeedLog& log) {
  auto fam = db.prepare(
      "INSERT INTO chipset_families(vendor_id, vendor_name, family, models, source, checked, data_source) "
      "VALUES (?,?,?,?,?,?,?)");
  auto key =
      db.prepare("INSERT OR IGNORE INTO chipset_keys(family_id, kind, key, is_glob, data_source) VALUES (?,?,?,?,?)");
  if (!fam) return fam.error();
  if (!key) return key.error();
  auto ref = VendorRef::prepare(db);
  if (!ref) return ref.error();
  NoteCap notes(log);
  SeedSpec spec{"chipsets.csv",
                {"vendor", "family", "models", "dt_compatible", "dt_prefixes", "strings", "kconfig", "pci_ids",
                 "usb_ids", "source", "checked"},
                {"chipset_families", "chipset_keys"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (row[0].empty() || row[1].empty()) return bad("vendor and family must not be empty");
    if (!valid_date(row[10])) return bad("checked '" + std::string(row[10]) + "' is not YYYY-MM-DD");
    auto vendor = ref->find(row[0]);
    if (!vendor) return vendor.error();
    if (!*vendor)
      notes.add("chipsets.csv:" + std::to_string(row.line()) + ": vendor '" + std::string(row[0]) +
                "' is not in vendors.csv");
    fam->bind(1, *vendor).bind(2, row[0]).bind(3, row[1]).bind_or_null(4, row[2]).bind_or_null(5, row[9]);
    fam->bind_or_null(6, row[10]).bind(7, source);
    if (auto st = fam->run(); !st) return st;
    return insert_keys(*key, db.last_insert_rowid(), row, source);
  });
}

}  // namespace pedigree::db
