#include "scanner/db/csv_reader.h"

#include <doctest/doctest.h>

namespace pedigree::db {
namespace {

/// All records of `text`, or the error message.
std::vector<CsvRecord> read_all(std::string_view text, std::string* err = nullptr, CsvLimits limits = {}) {
  CsvReader r(text, "t.csv", limits);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  for (;;) {
    auto more = r.next(rec);
    if (!more) {
      if (err != nullptr) *err = more.error().message;
      return out;
    }
    if (!*more) return out;
    out.push_back(rec);
  }
}

using Fields = std::vector<std::string>;

TEST_CASE("csv: plain, quoted, escaped quotes, commas and newlines inside quotes") {
  auto recs = read_all("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
  REQUIRE(recs.size() == 4);
  CHECK(recs[1].fields == Fields{"1", "x, y", "say \"hi\""});
  CHECK(recs[2].fields == Fields{"2", "two\nlines", "z"});
  CHECK(recs[3].fields == Fields{"3", "", ""});
  CHECK(recs[3].line == 5);  // the quoted newline counts
}

TEST_CASE("csv: CRLF, a BOM, blank lines and a last line without newline") {
  auto recs = read_all("\xEF\xBB\xBFh1,h2\r\n\r\na,b\r\n\nc,\"d\"");
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].fields == Fields{"h1", "h2"});
  CHECK(recs[1].fields == Fields{"a", "b"});
  CHECK(recs[1].line == 3);
  CHECK(recs[2].fields == Fields{"c", "d"});
  CHECK(recs[2].line == 5);
}

TEST_CASE("csv: an empty input has no records") {
  CHECK(read_all("").empty());
  CHECK(read_all("\n\n").empty());
}

TEST_CASE("csv: malformed quoting is an error naming the file and line") {
  std::string err;
  read_all("a,b\n1,\"open\n2,3\n", &err);
  CHECK(err == "t.csv:2: quoted field is not closed");
  read_all("a\n\"x\"y\n", &err);
  CHECK(err == "t.csv:2: unexpected character after a closing quote");
  read_all("a\nb\nx\"y\n", &err);
  CHECK(err == "t.csv:3: quote inside an unquoted field");
}

TEST_CASE("csv: limits on field size, fields and records are errors, not growth") {
  std::string err;
  read_all("aaaaaaaaaa\n", &err, {.max_field_bytes = 4});
  CHECK(err.find("t.csv:1: field longer than 4 bytes") == 0);
  read_all("a,b,c,d\n", &err, {.max_fields = 3});
  CHECK(err.find("more than 3 fields") != std::string::npos);
  read_all("a\nb\nc\n", &err, {.max_records = 2});
  CHECK(err.find("t.csv:3: more than 2 records") == 0);
}

TEST_CASE("csv: map_columns finds columns in any order and names the missing ones") {
  CsvReader r("", "seed.csv");
  CsvRecord header{1, {"b", "a", "c"}};
  std::vector<std::string_view> want = {"a", "c"};
  auto idx = map_columns(header, want, r);
  REQUIRE(idx.ok());
  CHECK(*idx == std::vector<std::size_t>{1, 2});
  std::vector<std::string_view> missing = {"a", "x", "y"};
  auto bad = map_columns(header, missing, r);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "seed.csv:1: header lacks column(s): x, y");
}

}  // namespace
}  // namespace pedigree::db
