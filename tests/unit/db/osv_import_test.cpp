#include <doctest/doctest.h>

#include "scanner/db/osv_record.h"
#include "scanner/db/vuln_import.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

TEST_CASE("osv record: fields, ranges and versions") {
  auto recs = parse_osv(R"({"id":"OSV-1","aliases":["CVE-2024-1"],"details":"first line\nsecond",
      "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N"}],
      "affected":[{"package":{"ecosystem":"OSS-Fuzz","name":"zlib"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"last_affected":"1.2.13"}]}],
                   "versions":["1.2.12","1.2.13"]}]})");
  REQUIRE(recs.ok());
  REQUIRE(recs->size() == 1);
  const OsvRecord& r = recs->front();
  CHECK(r.summary == "first line");
  CHECK(r.cvss_v3_vector == "CVSS:3.1/AV:N");
  REQUIRE(r.affected.size() == 1);
  CHECK(r.affected[0].package == "zlib");
  CHECK(r.affected[0].versions.size() == 2);
  REQUIRE(r.affected[0].ranges.size() == 1);
  CHECK(r.affected[0].ranges[0].events[1].kind == OsvEvent::Kind::kLastAffected);
  auto round = decode_osv_ranges(encode_osv_ranges(r.affected[0].ranges));
  REQUIRE(round.ok());
  CHECK(encode_osv_ranges(*round) == R"([{"events":[{"introduced":"0"},{"last_affected":"1.2.13"}],"type":"SEMVER"}])");
}

TEST_CASE("osv record: malformed records are refused with the record named") {
  CHECK_FALSE(parse_osv("{").ok());
  auto noid = parse_osv(R"([{"id":"A"},{"summary":"x"}])");
  REQUIRE_FALSE(noid.ok());
  CHECK(noid.error().message == "record #2: no id");
  auto bad_event = parse_osv(R"({"id":"B","affected":[{"ranges":[{"type":"SEMVER","events":[{"broken":"1"}]}]}]})");
  REQUIRE_FALSE(bad_event.ok());
  CHECK(bad_event.error().message == "B: unknown range event broken");
  CHECK_FALSE(parse_osv(R"({"id":"C","affected":[{"ranges":[{"events":[]}]}]})").ok());
}

TEST_CASE("osv import: a single file, a zip and a directory") {
  test::VulnDb t;
  SUBCASE("file") {
    auto r = test::atomic(t.db, import_osv_input, test::db_fixture("osv-DSA-5587-1.json"));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->source.name == "osv:osv-DSA-5587-1");
    CHECK(t.count("SELECT count(*) FROM osv_affected WHERE package = 'curl' AND ecosystem = 'Debian:12' "
                  "AND aliases = 'CVE-2023-46218|CVE-2023-46219'") == 1);
  }
  SUBCASE("zip: the withdrawn record is read but not stored") {
    auto r = test::atomic(t.db, import_osv_input, test::db_fixture("osv-all.zip"));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->records == 3);
    CHECK(r->source.version == "2024-03-02T00:00:00Z");
    CHECK(t.count("SELECT count(*) FROM osv_affected") == 2);
    CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE data_source = 'osv:osv-all'") == 2);
    const std::string once = t.digest();
    REQUIRE(test::atomic(t.db, import_osv_input, test::db_fixture("osv-all.zip")).ok());
    CHECK(t.digest() == once);
  }
  SUBCASE("directory") {
    REQUIRE(t.dir.run("mkdir -p feed/sub && cp '" + test::db_fixture("osv-DSA-5587-1.json") + "' feed/sub/a.json"));
    t.dir.write("feed/notes.txt", "not json, ignored");
    auto r = test::atomic(t.db, import_osv_input, t.dir.path("feed/"));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->source.name == "osv:feed");
    CHECK(t.count("SELECT count(*) FROM osv_affected") == 1);
  }
}

TEST_CASE("osv import: a bad member names the file and leaves the database as it was") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_osv_input, test::db_fixture("osv-all.zip")).ok());
  const std::string before = t.digest();
  t.dir.write("feed/a.json", R"({"id":"OSV-9","affected":[]})");
  t.dir.write("feed/b.json", R"({"id":"OSV-10","affected":[{"ranges":[{"type":"SEMVER","events":{}}]}]})");
  auto r = test::atomic(t.db, import_osv_input, t.dir.path("feed"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == t.dir.path("feed/b.json") + ": OSV-10: range without an events array");
  t.dir.write("bad.zip", "PK\x03\x04 this is not really a zip");
  CHECK_FALSE(test::atomic(t.db, import_osv_input, t.dir.path("bad.zip")).ok());
  CHECK(t.digest() == before);
}

}  // namespace
}  // namespace pedigree::db
