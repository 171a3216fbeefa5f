#include "scanner/db/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace pedigree::db {
namespace {

/// How long a writer waits for another connection's lock before failing.
constexpr int kBusyTimeoutMs = 5000;

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return make_error(errc_for_sqlite(rc), std::move(msg));
}

}  // namespace

Errc errc_for_sqlite(int rc) {
  int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Errc::kCorrupt;
  return Errc::kIo;
}

// ---- Database ----

void Database::Closer::operator()(sqlite3* db) const {
  // close_v2 defers the close until outstanding statements are finalized, so
  // destruction order between a Database and its Statements does not matter.
  sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::string path, OpenMode mode) : db_(db), path_(std::move(path)), mode_(mode) {}

Database::~Database() = default;

Result<Database> Database::open(const std::string& path, OpenMode mode) {
  int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path, mode);  // owns raw even when open failed
  if (rc != SQLITE_OK) return sqlite_error(raw, rc, path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // Reading the schema forces SQLite to parse the header now, so a file that
  // is not a database fails here with its path rather than at the first query.
  if (auto st = db.exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master;"); !st)
    return make_error(st.error().code, path + ": " + st.error().message);
  return db;
}

Status Database::exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Ok{};
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return make_error(errc_for_sqlite(rc), std::move(msg));
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return sqlite_error(db_.get(), rc, "cannot prepare SQL");
  }
  return Statement(stmt, db_.get());
}

Result<std::int64_t> Database::query_int(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::kCorrupt, "query returned no row: " + std::string(sql));
  return stmt->column_int(0);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
std::int64_t Database::changes() const { return sqlite3_changes64(db_.get()); }
std::string Database::last_error() const { return sqlite3_errmsg(db_.get()); }

// ---- Statement ----

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement::Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}

Statement::~Statement() = default;

void Statement::note_bind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

Statement& Statement::bind(int index, std::string_view text) {
  note_bind(sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  note_bind(sqlite3_bind_double(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

Statement& Statement::bind_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Result<bool> Statement::step() {
  if (bind_error_ != 0) {
    int rc = std::exchange(bind_error_, 0);
    return sqlite_error(db_, rc, "cannot bind parameter");
  }
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, "SQL step failed");
}

Status Statement::run() {
  Result<bool> r = false;
  do {
    r = step();
  } while (r && *r);
  reset();
  if (!r) return r.error();
  return Ok{};
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_ = 0;
}

bool Statement::column_is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
std::int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
double Statement::column_double(int col) const { return sqlite3_column_double(stmt_.get(), col); }
int Statement::column_count() const { return sqlite3_column_count(stmt_.get()); }

Statement& Statement::bind_pointer(int index, void* pointer, const char* type) {
  note_bind(sqlite3_bind_pointer(stmt_.get(), index, pointer, type, nullptr));
  return *this;
}

// Text is read with sqlite3_column_blob: the bytes of a UTF-8 TEXT value as
// they lie in the page. sqlite3_column_text would first copy each value to
// add a terminating NUL, which a view with its length does not need; numbers
// are still turned into their text.
std::string_view Statement::column_view(int col) const {
  const void* p = sqlite3_column_blob(stmt_.get(), col);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col))};
}

std::string Statement::column_text(int col) const { return std::string(column_view(col)); }

std::optional<std::string> Statement::column_optional_text(int col) const {
  if (column_is_null(col)) return std::nullopt;
  return column_text(col);
}

std::optional<double> Statement::column_optional_double(int col) const {
  if (column_is_null(col)) return std::nullopt;
  return column_double(col);
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db) {
  if (auto st = db.exec("BEGIN IMMEDIATE"); !st)
    return make_error(st.error().code, "cannot begin transaction: " + st.error().message);
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  if (db_ == nullptr) return make_error(Errc::kIo, "transaction already finished");
  Database* db = std::exchange(db_, nullptr);
  if (auto st = db->exec("COMMIT"); !st) {
    (void)db->exec("ROLLBACK");
    return make_error(st.error().code, "cannot commit: " + st.error().message);
  }
  return Ok{};
}

}  // namespace pedigree::db
