#include "scanner/db/kev.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "scanner/db/vuln_import.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

TEST_CASE("kev: the CSV with quoted commas, quotes and newlines") {
  CHECK_FALSE(parse_kev_csv("").ok());
  std::ifstream in(test::db_fixture("known_exploited_vulnerabilities.csv"));
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = parse_kev_csv(csv);
  REQUIRE_MESSAGE(parsed.ok(), parsed.error().message);
  REQUIRE(parsed->entries.size() == 3);
  CHECK(parsed->entries[1].cve == "CVE-2021-44228");
  CHECK(parsed->entries[1].due_date == "2021-12-24");
  CHECK(parsed->entries[1].ransomware == "Known");
  CHECK(parsed->entries[0].product == "GNU Bash");
  CHECK(parsed->date == "2024-01-10");
}

TEST_CASE("kev: JSON and CSV give the same entries") {
  std::ifstream a(test::db_fixture("known_exploited_vulnerabilities.csv"));
  std::ifstream b(test::db_fixture("known_exploited_vulnerabilities.json"));
  auto csv = parse_kev_csv(std::string((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>()));
  auto json = parse_kev_json(std::string((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>()));
  REQUIRE(csv.ok());
  REQUIRE(json.ok());
  CHECK(json->version == "2025.03.20");
  CHECK(json->date == "2025-03-20");
  REQUIRE(json->entries.size() == csv->entries.size());
  for (std::size_t i = 0; i < csv->entries.size(); ++i) {
    CHECK(json->entries[i].cve == csv->entries[i].cve);
    CHECK(json->entries[i].date_added == csv->entries[i].date_added);
    CHECK(json->entries[i].name == csv->entries[i].name);
  }
}

TEST_CASE("kev: bad lines and entries are named") {
  const std::string header =
      "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,"
      "knownRansomwareCampaignUse,notes,cwes\n";
  auto short_row = parse_kev_csv(header + "CVE-2024-1,a,b,c,2024-01-01,d,e,2024-01-21,Unknown,,\nCVE-2024-2,a,b\n");
  REQUIRE_FALSE(short_row.ok());
  CHECK(short_row.error().message == "KEV CSV:3: 3 fields where the header has 11");
  auto bad_date = parse_kev_csv(header + "CVE-2024-1,a,b,c,01/01/2024,d,e,,Unknown,,\n");
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.error().message == "KEV CSV:2 (CVE-2024-1): bad dateAdded");
  CHECK_FALSE(parse_kev_csv(header + "CVE-2024-1,\"unterminated\n").ok());
  auto no_columns = parse_kev_csv("id,name\n");
  REQUIRE_FALSE(no_columns.ok());
  CHECK(no_columns.error().message.find("header lacks column(s): cveID") != std::string::npos);
  auto json = parse_kev_json(
      R"({"vulnerabilities":[{"cveID":"CVE-2024-1","dateAdded":"2024-01-01"},{"dateAdded":"2024-01-01"}]})");
  REQUIRE_FALSE(json.ok());
  CHECK(json.error().message == "KEV JSON: entry #2: cveID is not a CVE id");
}

TEST_CASE("kev import: CSV or JSON, idempotent, and a bad file changes nothing") {
  test::VulnDb t;
  auto r = test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.json"));
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->source.name == "cisa-kev");
  CHECK(r->source.version == "2025.03.20 (2025-03-20)");
  CHECK(t.count("SELECT count(*) FROM kev") == 3);
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  CHECK(t.count("SELECT count(*) FROM kev") == 3);
  const std::string once = t.digest();
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  CHECK(t.digest() == once);
  t.dir.write("kev.csv",
              "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,"
              "dueDate,knownRansomwareCampaignUse,notes,cwes\nnot-a-cve,a,b,c,2024-01-01,d,e,,Unknown,,\n");
  auto bad = test::atomic(t.db, import_kev_file, t.dir.path("kev.csv"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == t.dir.path("kev.csv") + ":2: cveID is not a CVE id");
  CHECK(t.digest() == once);
}

}  // namespace
}  // namespace pedigree::db
