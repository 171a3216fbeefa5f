#include "scanner/db/migrations.h"

#include <charconv>
#include <string>

namespace pedigree::db {
namespace {

/// Digits of the version prefix in a schema file name (NNNN_name.sql).
constexpr std::size_t kVersionDigits = 4;

Result<int> version_of(std::string_view file) {
  int v = 0;
  auto [end, ec] = std::from_chars(file.data(), file.data() + std::min(file.size(), kVersionDigits), v);
  if (ec != std::errc() || end != file.data() + kVersionDigits || file.size() <= kVersionDigits ||
      file[kVersionDigits] != '_')
    return make_error(Errc::kCorrupt, "schema file name is not NNNN_name.sql: " + std::string(file));
  return v;
}

Status apply(Database& db, const Migration& m) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto st = db.exec(m.sql); !st)
    return make_error(st.error().code, "migration " + std::string(m.file) + " failed: " + st.error().message);
  std::string pragmas = "PRAGMA user_version = " + std::to_string(m.version) +
                        "; PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
  if (auto st = db.exec(pragmas); !st) return st;
  return tx->commit();
}

}  // namespace

Result<std::vector<Migration>> parse_migrations(const std::vector<SchemaFile>& files) {
  std::vector<Migration> out;
  for (const auto& f : files) {
    auto v = version_of(f.file);
    if (!v) return v.error();
    int expected = static_cast<int>(out.size()) + 1;
    if (*v != expected)
      return make_error(Errc::kCorrupt, "schema file " + std::string(f.file) + " should be numbered " +
                                            std::to_string(expected) + " (versions run 1, 2, 3 ... without gaps)");
    out.push_back({*v, f.file, f.sql});
  }
  return out;
}

int latest_schema_version() {
  auto m = parse_migrations(embedded_schema_files());
  return m ? static_cast<int>(m->size()) : 0;
}

Result<int> schema_version(Database& db) {
  auto v = db.query_int("PRAGMA user_version");
  if (!v) return v.error();
  return static_cast<int>(*v);
}

Status migrate(Database& db) { return migrate(db, embedded_schema_files()); }

Status migrate(Database& db, const std::vector<SchemaFile>& files) {
  auto migrations = parse_migrations(files);
  if (!migrations) return migrations.error();
  auto current = schema_version(db);
  if (!current) return current.error();
  int latest = static_cast<int>(migrations->size());
  if (*current > latest)
    return make_error(Errc::kUnsupported, db.path() + ": schema version " + std::to_string(*current) +
                                              " is newer than this pedigree understands (" + std::to_string(latest) +
                                              ")");
  for (const auto& m : *migrations) {
    if (m.version <= *current) continue;
    if (auto st = apply(db, m); !st) return st;
  }
  return Ok{};
}

}  // namespace pedigree::db
