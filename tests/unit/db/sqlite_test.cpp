#include "scanner/db/sqlite.h"

#include <doctest/doctest.h>

#include "tests/support/scratch_dir.h"

namespace pedigree::db {
namespace {

TEST_CASE("sqlite: a missing file opened read-only is an error naming it") {
  auto db = Database::open("/nonexistent/dir/x.db", OpenMode::kReadOnly);
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().message.find("/nonexistent/dir/x.db") != std::string::npos);
}

TEST_CASE("sqlite: a file that is not a database is kCorrupt") {
  test::ScratchDir dir;
  dir.write("junk.db", std::string(4096, 'x'));
  auto db = Database::open(dir.path("junk.db"), OpenMode::kReadOnly);
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().code == Errc::kCorrupt);
}

TEST_CASE("sqlite: bind, step and column helpers round-trip values and NULL") {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db.ok());
  REQUIRE(db->exec("CREATE TABLE t(a TEXT, b INTEGER, c REAL, d TEXT)").ok());
  auto ins = db->prepare("INSERT INTO t VALUES (?, ?, ?, ?)");
  REQUIRE(ins.ok());
  ins->bind(1, "x,y").bind(2, std::int64_t{1} << 40).bind(3, 2.5).bind_or_null(4, "");
  REQUIRE(ins->run().ok());
  auto q = db->prepare("SELECT a, b, c, d FROM t");
  REQUIRE(q.ok());
  REQUIRE(*q->step());
  CHECK(q->column_text(0) == "x,y");
  CHECK(q->column_int(1) == (std::int64_t{1} << 40));
  CHECK(q->column_double(2) == 2.5);
  CHECK(q->column_is_null(3));
  CHECK_FALSE(q->column_optional_text(3).has_value());
  CHECK_FALSE(*q->step());
}

// column_view reads the bytes in place (sqlite3_column_blob) rather than
// through sqlite3_column_text: text with NUL bytes inside keeps its length,
// numbers still come out as their text, NULL and '' as empty.
TEST_CASE("sqlite: column views give text, numbers and NULL as SQLite spells them") {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db.ok());
  auto q = db->prepare("SELECT 'a' || char(0) || 'b', 42, 2.5, NULL, '', char(31) || 'x'");
  REQUIRE(q.ok());
  REQUIRE(*q->step());
  CHECK(q->column_view(0) == std::string_view("a\0b", 3));
  CHECK(q->column_view(1) == "42");
  CHECK(q->column_view(2) == "2.5");
  CHECK(q->column_view(3).empty());
  CHECK(q->column_view(4).empty());
  CHECK(q->column_text(5) == "\x1fx");
  CHECK(q->column_int(1) == 42);  // reading the text did not change the value
}

TEST_CASE("sqlite: a bad bind index is reported by run, not lost") {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db->exec("CREATE TABLE t(a)").ok());
  auto ins = db->prepare("INSERT INTO t VALUES (?)");
  ins->bind(7, "x");
  CHECK_FALSE(ins->run().ok());
}

TEST_CASE("sqlite: a Transaction rolls back unless committed") {
  auto db = Database::open(":memory:", OpenMode::kReadWrite);
  REQUIRE(db->exec("CREATE TABLE t(a)").ok());
  {
    auto tx = Transaction::begin(*db);
    REQUIRE(tx.ok());
    REQUIRE(db->exec("INSERT INTO t VALUES (1)").ok());
  }
  CHECK(*db->query_int("SELECT count(*) FROM t") == 0);
  {
    auto tx = Transaction::begin(*db);
    REQUIRE(db->exec("INSERT INTO t VALUES (1)").ok());
    REQUIRE(tx->commit().ok());
  }
  CHECK(*db->query_int("SELECT count(*) FROM t") == 1);
}

TEST_CASE("sqlite: a read-only connection refuses writes") {
  test::ScratchDir dir;
  {
    auto rw = Database::open(dir.path("a.db"), OpenMode::kReadWrite);
    REQUIRE(rw->exec("CREATE TABLE t(a)").ok());
  }
  auto ro = Database::open(dir.path("a.db"), OpenMode::kReadOnly);
  REQUIRE(ro.ok());
  CHECK(ro->read_only());
  CHECK_FALSE(ro->exec("INSERT INTO t VALUES (1)").ok());
}

}  // namespace
}  // namespace pedigree::db
