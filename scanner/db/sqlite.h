// A small RAII wrapper over the SQLite C API: a Database connection, prepared
// Statements and a Transaction guard. Every failure is a pedigree::Error whose
// message carries SQLite's own text; nothing here throws.
//
// This is the only header that names SQLite types: everything above it (the
// importers, the lookup API, the CLI) uses these classes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "scanner/core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pedigree::db {

class Statement;

/// How a database file is opened.
enum class OpenMode {
  kReadOnly,   ///< the file must exist and be a database; scans use this
  kReadWrite,  ///< created when missing; builders and importers use this
};

/// One connection. Movable, not copyable; closed when destroyed.
class Database {
 public:
  /// Opens `path`. A missing file (read-only), a file that is not a database or
  /// a damaged header is an error naming the path.
  static Result<Database> open(const std::string& path, OpenMode mode);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database();

  /// Runs one or more SQL statements that return no rows.
  Status exec(std::string_view sql);
  /// Compiles one statement.
  Result<Statement> prepare(std::string_view sql);
  /// Runs a statement that yields one integer (e.g. `SELECT count(*) ...`).
  Result<std::int64_t> query_int(std::string_view sql);

  /// Rowid of the last successful INSERT on this connection.
  std::int64_t last_insert_rowid() const;
  /// Rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const;
  bool read_only() const { return mode_ == OpenMode::kReadOnly; }
  const std::string& path() const { return path_; }
  /// SQLite's last error text for this connection.
  std::string last_error() const;
  /// The raw handle, for the rare caller that needs an API not wrapped here.
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::string path, OpenMode mode);

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
  OpenMode mode_ = OpenMode::kReadOnly;
};

/// A prepared statement. Parameters are numbered from 1, columns from 0, as in
/// SQLite. Movable, not copyable; finalized when destroyed.
class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement();

  /// Binds text (copied), an integer, a real, or NULL.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  /// Binds a pointer that only SQL functions asking for `type` can see
  /// (sqlite3_bind_pointer); `type` must be a string literal.
  Statement& bind_pointer(int index, void* pointer, const char* type);
  /// Binds NULL when the text is empty: optional CSV fields become SQL NULL.
  Statement& bind_or_null(int index, std::string_view text);
  /// Binds NULL when there is no value.
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind(int index, const std::optional<double>& value);

  /// Binds every argument in order, starting at parameter 1.
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  /// Advances: true when a row is available, false when done.
  Result<bool> step();
  /// Steps to completion (for INSERT/UPDATE/DELETE), then resets for reuse.
  /// A bind error recorded earlier is reported here.
  Status run();
  /// Resets and clears bindings so the statement can run again.
  void reset();

  bool column_is_null(int col) const;
  std::int64_t column_int(int col) const;
  double column_double(int col) const;
  /// Column text; empty for NULL.
  std::string column_text(int col) const;
  /// Column text without a copy; empty for NULL. Valid until the next step or reset.
  std::string_view column_view(int col) const;
  /// Column text; nullopt for NULL.
  std::optional<std::string> column_optional_text(int col) const;
  std::optional<double> column_optional_double(int col) const;
  int column_count() const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Statement(sqlite3_stmt* stmt, sqlite3* db);
  void note_bind(int rc);

  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  sqlite3* db_ = nullptr;
  int bind_error_ = 0;  // first failing bind's return code, reported by step()/run()
};

/// BEGIN IMMEDIATE on construction; ROLLBACK when destroyed unless commit()
/// succeeded, so an early return on error leaves the database as it was.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // null once committed or rolled back
};

/// Errc for a SQLite result code: corruption and "not a database" are kCorrupt,
/// everything else kIo.
Errc errc_for_sqlite(int rc);

}  // namespace pedigree::db
