#include "scanner/db/data_sources.h"

#include <cstdlib>
#include <ctime>
#include <string>

namespace pedigree::db {
namespace {

/// Reads SOURCE_DATE_EPOCH (seconds since 1970) when set and well formed.
bool source_date_epoch(std::time_t* out) {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (env == nullptr || *env == '\0') return false;
  char* end = nullptr;
  long long v = std::strtoll(env, &end, 10);
  if (*end != '\0' || v < 0) return false;
  *out = static_cast<std::time_t>(v);
  return true;
}

}  // namespace

std::string import_timestamp() {
  std::time_t t = 0;
  if (!source_date_epoch(&t)) t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status record_source(Database& db, const SourceRecord& rec) {
  if (auto st = forget_source(db, rec.name); !st) return st;
  auto ins = db.prepare("INSERT INTO data_sources(name, kind, version, sha256, imported_at) VALUES (?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  ins->bind_all(rec.name, rec.kind, rec.version, rec.sha256,
                rec.imported_at.empty() ? import_timestamp() : rec.imported_at);
  if (auto st = ins->run(); !st) return st;
  auto rows = db.prepare("INSERT INTO data_source_rows(source, table_name, rows) VALUES (?, ?, ?)");
  if (!rows) return rows.error();
  for (const auto& [table, n] : rec.rows) {
    rows->bind_all(rec.name, table, n);
    if (auto st = rows->run(); !st) return st;
  }
  return Ok{};
}

Status delete_source_rows(Database& db, std::string_view table, std::string_view source) {
  auto del = db.prepare("DELETE FROM \"" + std::string(table) + "\" WHERE data_source = ?");
  if (!del) return del.error();
  del->bind(1, source);
  return del->run();
}

Status forget_source(Database& db, std::string_view source) {
  auto del = db.prepare("DELETE FROM data_sources WHERE name = ?");
  if (!del) return del.error();
  del->bind(1, source);
  return del->run();  // data_source_rows follow by ON DELETE CASCADE
}

Result<std::vector<SourceRecord>> list_sources(Database& db) {
  auto q = db.prepare("SELECT name, kind, version, sha256, imported_at FROM data_sources ORDER BY name");
  if (!q) return q.error();
  auto rows = db.prepare("SELECT table_name, rows FROM data_source_rows WHERE source = ? ORDER BY table_name");
  if (!rows) return rows.error();
  std::vector<SourceRecord> out;
  for (;;) {
    auto more = q->step();
    if (!more) return more.error();
    if (!*more) break;
    SourceRecord r{q->column_text(0), q->column_text(1), q->column_text(2), q->column_text(3), {}, q->column_text(4)};
    rows->bind(1, r.name);
    for (;;) {
      auto row = rows->step();
      if (!row) return row.error();
      if (!*row) break;
      r.rows.emplace_back(rows->column_text(0), rows->column_int(1));
    }
    rows->reset();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pedigree::db
