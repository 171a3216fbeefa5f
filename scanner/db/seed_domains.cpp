// domains.csv → domain_owners: which vendor operates a registrable domain.
#include <string>

#include "scanner/db/seed_core.h"
#include "scanner/db/seed_file.h"
#include "scanner/db/vendor_ref.h"

namespace pedigree::db {
namespace {

Status bad(std::string msg) { return make_error(Errc::kCorrupt, std::move(msg)); }

/// Lower-case letters, digits, '-' and '.', with at least one dot.
bool valid_domain(std::string_view d) {
  if (d.find('.') == std::string_view::npos || d.front() == '.' || d.back() == '.') return false;
  for (char c : d) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return true;
}

}  // namespace

Status load_domain_seed(Database& db, const std::string& dir, SeedLog& log) {
  auto ins = db.prepare(
      "INSERT INTO domain_owners(domain, vendor_id, vendor_name, role, source, checked, data_source) "
      "VALUES (?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  auto ref = VendorRef::prepare(db);
  if (!ref) return ref.error();
  NoteCap notes(log);
  SeedSpec spec{"domains.csv", {"domain", "vendor", "role", "source", "checked"}, {"domain_owners"}};
  return load_seed_file(db, dir, spec, log, [&](const SeedRow& row, const std::string& source) -> Status {
    if (!valid_domain(row[0])) return bad("domain '" + std::string(row[0]) + "' is not a lower-case domain name");
    if (row[1].empty() || row[2].empty()) return bad("vendor and role must not be empty");
    if (!valid_date(row[4])) return bad("checked '" + std::string(row[4]) + "' is not YYYY-MM-DD");
    auto vendor = ref->find(row[1]);
    if (!vendor) return vendor.error();
    if (!*vendor)
      notes.add("domains.csv:" + std::to_string(row.line()) + ": vendor '" + std::string(row[1]) +
                "' is not in vendors.csv");
    ins->bind(1, row[0]).bind(2, *vendor).bind(3, row[1]).bind(4, row[2]).bind_or_null(5, row[3]);
    ins->bind_or_null(6, row[4]).bind(7, source);
    if (auto st = ins->run(); !st) return bad("domain '" + std::string(row[0]) + "': " + st.error().message);
    return Ok{};
  });
}

}  // namespace pedigree::db
