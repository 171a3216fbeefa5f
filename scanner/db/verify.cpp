#include "scanner/db/verify.h"

#include <map>
#include <set>

#include "scanner/db/cpe_findings.h"
#include "scanner/db/migrations.h"

namespace pedigree::db {
namespace {

/// Most integrity_check messages reported.
constexpr int kMaxIntegrityMessages = 20;

using Columns = std::map<std::string, std::set<std::string>>;

Result<Columns> columns_of(Database& db) {
  auto q = db.prepare(
      "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
      "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2");
  if (!q) return q.error();
  Columns out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    out[q->column_text(0)].insert(q->column_text(1));
  }
  return out;
}

void check_integrity(Database& db, VerifyReport& rep) {
  auto q = db.prepare("PRAGMA integrity_check(" + std::to_string(kMaxIntegrityMessages) + ")");
  if (!q) {
    rep.problems.push_back("integrity check failed: " + q.error().message);
    return;
  }
  for (;;) {
    auto row = q->step();
    if (!row) {
      rep.problems.push_back("integrity check failed: " + row.error().message);
      return;
    }
    if (!*row) return;
    std::string msg = q->column_text(0);
    if (msg != "ok") rep.problems.push_back("integrity: " + msg);
  }
}

Status check_schema(Database& db, VerifyReport& rep) {
  auto app = db.query_int("PRAGMA application_id");
  if (!app) return app.error();
  if (*app != kApplicationId)
    rep.problems.push_back("not a Pedigree database (application_id " + std::to_string(*app) + ")");
  auto version = schema_version(db);
  if (!version) return version.error();
  rep.schema_version = *version;
  if (*version != latest_schema_version())
    rep.problems.push_back("schema version " + std::to_string(*version) + ", this pedigree expects " +
                           std::to_string(latest_schema_version()));
  // The reference is what the embedded migrations build in an empty database.
  auto ref_db = Database::open(":memory:", OpenMode::kReadWrite);
  if (!ref_db) return ref_db.error();
  if (auto st = migrate(*ref_db); !st) return st;
  auto want = columns_of(*ref_db);
  auto have = columns_of(db);
  if (!want) return want.error();
  if (!have) return have.error();
  for (const auto& [table, cols] : *want) {
    auto it = have->find(table);
    if (it == have->end()) {
      rep.problems.push_back("table " + table + " is missing");
      continue;
    }
    for (const auto& c : cols)
      if (!it->second.contains(c)) rep.problems.push_back("column " + table + "." + c + " is missing");
  }
  return Ok{};
}

// cpe_findings is derived data: recomputed from its sources, it must come out
// the same (checked only at the schema version that has it).
void check_findings(Database& db, VerifyReport& rep) {
  if (rep.schema_version != latest_schema_version()) return;
  auto stale = count_stale_cpe_findings(db);
  if (!stale) {
    rep.problems.push_back("cpe_findings check failed: " + stale.error().message);
  } else if (*stale != 0) {
    rep.problems.push_back("cpe_findings: " + std::to_string(*stale) +
                           " rows differ from cpe_ranges and the advisories' facts (rebuild the database)");
  }
}

}  // namespace

Result<VerifyReport> verify_database(const std::string& path) {
  auto db = Database::open(path, OpenMode::kReadOnly);
  if (!db) return db.error();
  VerifyReport rep;
  check_integrity(*db, rep);
  if (auto st = check_schema(*db, rep); !st) rep.problems.push_back("schema check failed: " + st.error().message);
  if (rep.problems.empty()) check_findings(*db, rep);
  return rep;
}

}  // namespace pedigree::db
