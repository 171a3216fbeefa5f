#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "scanner/db/importer.h"
#include "scanner/db/vuln_import.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

std::string one_record_feed(std::string_view id, std::string_view modified, std::string_view end_excluding) {
  return std::string(
             R"({"format":"NVD_CVE","version":"2.0","timestamp":"2025-01-01T00:00:00.000","vulnerabilities":[)") +
         R"({"cve":{"id":")" + std::string(id) + R"(","lastModified":")" + std::string(modified) +
         R"(","descriptions":[{"lang":"en","value":"v)" + std::string(modified) + R"("}],)" +
         R"("configurations":[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,)" +
         R"("criteria":"cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*","versionEndExcluding":")" +
         std::string(end_excluding) + R"("}]}]}]}}]})";
}

TEST_CASE("nvd import: the fixture feed lands in vulnerabilities and cpe_ranges") {
  test::VulnDb t;
  auto r = test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json"));
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->records == 3);
  CHECK(r->source.name == "nvd:nvdcve-2.0-fixture");
  CHECK(r->source.version == "2025-03-20T03:00:01.123");
  CHECK(t.count("SELECT count(*) FROM vulnerabilities") == 3);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges") == 12);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE vulnerable = 0") == 2);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE vendor = 'haxx' AND product = 'libcurl'") == 1);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE id = 'CVE-2023-38545' AND cvss3_score = 9.8 "
                "AND cvss3_severity = 'CRITICAL' AND cwes = 'CWE-787'") == 1);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE id = 'CVE-2020-25681' AND cvss2_score = 6.8 "
                "AND cwes = 'CWE-122|CWE-787'") == 1);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE product = 'openssh' AND version = '9.6-'") == 0);
  CHECK(t.count("SELECT rows FROM data_source_rows WHERE source = 'nvd:nvdcve-2.0-fixture' "
                "AND table_name = 'cpe_ranges'") == 12);
}

TEST_CASE("vulnerability importers are registered as KINDs of db import") {
  test::VulnDb t;
  struct Case {
    const char* kind;
    const char* file;
    const char* source;
  };
  for (const Case& c :
       {Case{"nvd", "nvdcve-2.0-fixture.json.gz", "nvd:nvdcve-2.0-fixture"}, Case{"osv", "osv-all.zip", "osv:osv-all"},
        Case{"kev", "known_exploited_vulnerabilities.json", "cisa-kev"},
        Case{"epss", "epss_scores-2025-03-20.csv.gz", "first-epss"}}) {
    CAPTURE(c.kind);
    REQUIRE(find_importer(c.kind) != nullptr);
    auto rec = run_import(t.db, c.kind, test::db_fixture(c.file));
    REQUIRE_MESSAGE(rec.ok(), rec.error().message);
    CHECK(rec->name == c.source);
  }
  const std::string before = t.digest();
  auto bad = run_import(t.db, "nvd", test::db_fixture("known_exploited_vulnerabilities.csv"));
  REQUIRE_FALSE(bad.ok());
  CHECK(t.digest() == before);
}

TEST_CASE("nvd import: gzip and plain give the same rows; re-import changes nothing") {
  test::VulnDb plain, gz;
  REQUIRE(test::atomic(plain.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  std::string once = plain.digest();
  REQUIRE(test::atomic(plain.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  CHECK(plain.digest() == once);
  REQUIRE(test::atomic(gz.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json.gz")).ok());
  // Same rows; only the recorded input hash differs (the .gz bytes are hashed).
  CHECK(gz.count("SELECT count(*) FROM cpe_ranges") == plain.count("SELECT count(*) FROM cpe_ranges"));
  CHECK(gz.count("SELECT count(*) FROM data_sources WHERE name = 'nvd:nvdcve-2.0-fixture'") == 1);
}

TEST_CASE("nvd import: the latest lastModified wins across files") {
  test::VulnDb t;
  t.dir.write("nvdcve-2.0-2023.json", one_record_feed("CVE-2023-1", "2024-05-01T00:00:00.000", "1.36.1"));
  t.dir.write("nvdcve-2.0-modified.json", one_record_feed("CVE-2023-1", "2024-06-01T00:00:00.000", "1.37.0"));
  REQUIRE(test::atomic(t.db, import_nvd_file, t.dir.path("nvdcve-2.0-modified.json")).ok());
  REQUIRE(test::atomic(t.db, import_nvd_file, t.dir.path("nvdcve-2.0-2023.json")).ok());  // older: kept out
  CHECK(t.count("SELECT count(*) FROM cpe_ranges") == 1);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE end_excluding = '1.37.0'") == 1);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE summary = 'v2024-06-01T00:00:00.000'") == 1);
  t.dir.write("nvdcve-2.0-newer.json", one_record_feed("CVE-2023-1", "2024-07-01T00:00:00.000", "1.38.0"));
  REQUIRE(test::atomic(t.db, import_nvd_file, t.dir.path("nvdcve-2.0-newer.json")).ok());
  CHECK(t.count("SELECT count(*) FROM cpe_ranges") == 1);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE end_excluding = '1.38.0'") == 1);
}

TEST_CASE("nvd import: malformed input names file and record and leaves the database as it was") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  const std::string before = t.digest();
  SUBCASE("truncated JSON") {
    std::ifstream in(test::db_fixture("nvdcve-2.0-fixture.json"));
    std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    t.dir.write("cut.json", json.substr(0, json.size() - 200));
    auto r = test::atomic(t.db, import_nvd_file, t.dir.path("cut.json"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind(t.dir.path("cut.json") + ": ", 0) == 0);
  }
  SUBCASE("a record missing its id, after a good one") {
    t.dir.write("noid.json",
                R"({"format":"NVD_CVE","vulnerabilities":[{"cve":{"id":"CVE-2099-1","lastModified":"2099"}},)"
                R"({"cve":{"lastModified":"2099"}}]})");
    auto r = test::atomic(t.db, import_nvd_file, t.dir.path("noid.json"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == t.dir.path("noid.json") + ": record #2: no CVE id");
  }
  SUBCASE("a bad CPE names the CVE") {
    std::string feed = one_record_feed("CVE-2099-2", "2099-01-01T00:00:00.000", "1.0");
    feed.replace(feed.find("cpe:2.3:a:busybox"), 9, "cpe:/a:bu");
    t.dir.write("badcpe.json", feed);
    auto r = test::atomic(t.db, import_nvd_file, t.dir.path("badcpe.json"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("CVE-2099-2: not a CPE 2.3 formatted string") != std::string::npos);
  }
  SUBCASE("a damaged gzip") {
    std::ifstream in(test::db_fixture("nvdcve-2.0-fixture.json.gz"), std::ios::binary);
    std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    t.dir.write("cut.json.gz", gz.substr(0, gz.size() / 2));
    auto r = test::atomic(t.db, import_nvd_file, t.dir.path("cut.json.gz"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("truncated") != std::string::npos);
  }
  SUBCASE("a missing file") { CHECK_FALSE(test::atomic(t.db, import_nvd_file, t.dir.path("nope.json")).ok()); }
  CHECK(t.digest() == before);
}

}  // namespace
}  // namespace pedigree::db
