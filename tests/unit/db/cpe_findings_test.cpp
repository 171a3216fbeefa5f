#include "scanner/db/cpe_findings.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "scanner/db/migrations.h"
#include "scanner/db/version.h"
#include "scanner/db/vuln_import.h"
#include "scanner/db/vuln_lookup.h"
#include "scanner/db/vuln_store.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

std::int64_t stale(Database& db) {
  auto n = count_stale_cpe_findings(db);
  REQUIRE(n.ok());
  return *n;
}

std::vector<std::string> ids(const std::vector<VulnFinding>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.id);
  return out;
}

TEST_CASE("cpe findings: every importer leaves the table equal to what its sources say") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  // 12 ranges in the fixture: 2 platform conditions, 1 NA version ('-').
  CHECK(t.count("SELECT count(*) FROM cpe_findings") == 9);
  // kev: date added, due date and ransomware use, separated by char(31).
  CHECK(t.count("SELECT count(*) FROM cpe_findings WHERE kev <> char(31, 31)") == 0);
  CHECK(stale(t.db) == 0);
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  CHECK(stale(t.db) == 0);
  CHECK(t.count("SELECT count(*) FROM cpe_findings WHERE vuln_id = 'CVE-2023-38545' AND kev LIKE "
                "'2024-01-10' || char(31) || '%'") == 2);
  REQUIRE(test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
  CHECK(stale(t.db) == 0);
  CHECK(t.count("SELECT count(*) FROM cpe_findings WHERE epss_score IS NOT NULL") > 0);
  REQUIRE(test::atomic(t.db, import_osv_input, test::db_fixture("osv-all.zip")).ok());
  CHECK(stale(t.db) == 0);
  // Re-imports change nothing, the derived rows included.
  const std::string once = t.digest();
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  REQUIRE(test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
  REQUIRE(test::atomic(t.db, import_osv_input, test::db_fixture("osv-all.zip")).ok());
  CHECK(t.digest() == once);
  CHECK(stale(t.db) == 0);
}

TEST_CASE("cpe findings: a lookup sees KEV and EPSS imported after the feed") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  auto before = lookup->for_cpe("haxx", "curl", "8.0.1");
  REQUIRE(before.ok());
  REQUIRE(before->size() == 1);
  CHECK_FALSE(before->front().kev);
  CHECK_FALSE(before->front().epss);
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  REQUIRE(test::atomic(t.db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
  auto after = lookup->for_cpe("haxx", "curl", "8.0.1");
  REQUIRE(after.ok());
  REQUIRE(after->size() == 1);
  CHECK(after->front().kev);
  CHECK(after->front().kev_date_added == "2024-01-10");
  REQUIRE(after->front().epss);
  CHECK(*after->front().epss == doctest::Approx(0.29845));
}

TEST_CASE("cpe findings: a failed import leaves them exactly as they were") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  REQUIRE(test::atomic(t.db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  const std::string once = t.digest();
  // KEV and EPSS replace what they loaded before: a bad file half-way must not.
  t.dir.write("kev.csv",
              "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,"
              "dueDate,knownRansomwareCampaignUse,notes,cwes\nCVE-2020-25681,a,b,c,2024-01-01,d,e,,Unknown,,\n"
              "not-a-cve,a,b,c,2024-01-01,d,e,,Unknown,,\n");
  CHECK_FALSE(test::atomic(t.db, import_kev_file, t.dir.path("kev.csv")).ok());
  std::ifstream in(test::db_fixture("nvdcve-2.0-fixture.json"), std::ios::binary);
  std::string feed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(feed.size() > 40);
  t.dir.write("nvdcve-2.0-bad.json", feed.substr(0, feed.size() - 40));
  CHECK_FALSE(test::atomic(t.db, import_nvd_file, t.dir.path("nvdcve-2.0-bad.json")).ok());
  CHECK(t.digest() == once);
  CHECK(stale(t.db) == 0);
}

TEST_CASE("cpe findings: rows that drift from their sources are counted") {
  test::VulnDb t;
  REQUIRE(test::atomic(t.db, import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
  REQUIRE(t.db.exec("UPDATE cpe_findings SET facts = facts || '0' WHERE vuln_id = 'CVE-2023-38545'").ok());
  CHECK(stale(t.db) == 4);  // two rows wrong, two rows missing
  REQUIRE(t.db.exec("DELETE FROM cpe_findings WHERE vuln_id = 'CVE-2023-38545'").ok());
  CHECK(stale(t.db) == 4);  // two rows missing, and the count two short
  // Recording the advisory and refreshing repairs it.
  auto touched = TouchedAdvisories::prepare(t.db);
  REQUIRE(touched.ok());
  REQUIRE(touched->add("CVE-2023-38545").ok());
  REQUIRE(refresh_cpe_findings(t.db).ok());
  CHECK(stale(t.db) == 0);
}

TEST_CASE("cpe findings: a database at schema version 3 gets them when migrated") {
  test::VulnDb t;
  auto files = embedded_schema_files();
  REQUIRE(files.size() >= 4);
  {
    auto old = Database::open(t.dir.path("old.db"), OpenMode::kReadWrite);
    REQUIRE(old.ok());
    REQUIRE(migrate(*old, std::vector<SchemaFile>(files.begin(), files.begin() + 3)).ok());
    auto tx = Transaction::begin(*old);
    REQUIRE(tx.ok());
    // Written as version 3 wrote it: no findings to maintain yet.
    REQUIRE(old->exec("INSERT INTO vulnerabilities (id, cvss3_score, data_source) VALUES ('CVE-2024-0001', 7.5, 'x');"
                      "INSERT INTO cpe_ranges (vuln_id, vulnerable, criteria, part, vendor, product, version, "
                      "end_excluding, end_key, data_source) VALUES ('CVE-2024-0001', 1, 'c', 'a', 'v', 'p', '*', "
                      "'1.2', '000001000002000000000000', 'x'), ('CVE-2024-0001', 0, 'c', 'h', 'v', 'hw', '-', "
                      "NULL, '', 'x')")
                .ok());
    REQUIRE(tx->commit().ok());
    REQUIRE(migrate(*old).ok());
    CHECK(*schema_version(*old) == latest_schema_version());
    CHECK(*old->query_int("SELECT count(*) FROM cpe_findings") == 1);
    CHECK(stale(*old) == 0);
    auto lookup = VulnLookup::open(*old);
    REQUIRE(lookup.ok());
    auto found = lookup->for_cpe("v", "p", "1.1");
    REQUIRE(found.ok());
    REQUIRE(ids(*found) == std::vector<std::string>{"CVE-2024-0001"});
    CHECK(found->front().cvss == doctest::Approx(7.5));
  }
}

TEST_CASE("cpe findings: a database at schema version 4 gets them in the packed layout when migrated") {
  test::VulnDb t;
  auto files = embedded_schema_files();
  REQUIRE(files.size() >= 5);
  auto old = Database::open(t.dir.path("v4.db"), OpenMode::kReadWrite);
  REQUIRE(old.ok());
  REQUIRE(migrate(*old, std::vector<SchemaFile>(files.begin(), files.begin() + 4)).ok());
  // Written as version 4 wrote it: findings with one column per fact.
  REQUIRE(old->exec("INSERT INTO vulnerabilities (id, published, cvss3_score, cvss3_version, cvss3_vector, "
                    "cvss3_severity, cwes, data_source) VALUES ('CVE-2024-0002', '2024-02-01', 9.8, '3.1', "
                    "'CVSS:3.1/AV:N', 'CRITICAL', 'CWE-787', 'x');"
                    "INSERT INTO kev (cve_id, date_added, due_date, ransomware, data_source) VALUES "
                    "('CVE-2024-0002', '2024-03-01', '2024-03-22', 'Known', 'k');"
                    "INSERT INTO cpe_ranges (vuln_id, vulnerable, criteria, part, vendor, product, version, "
                    "start_including, end_excluding, end_key, data_source) VALUES ('CVE-2024-0002', 1, "
                    "'cpe:2.3:a:v:p:*:*:*:*:*:*:*:*', 'a', 'v', 'p', '*', '1.0', '1.2', '000001000002000000000000', "
                    "'x');"
                    "INSERT INTO cpe_findings (vendor, product, match_key, version, start_including, start_excluding, "
                    "end_including, end_excluding, vuln_id, criteria, fixed_in, data_source, published, cvss3_score, "
                    "cvss3_version, cvss3_vector, cvss3_severity, cvss4_score, cvss4_vector, cvss4_severity, "
                    "cvss2_score, cvss2_vector, cwes, status, kev_date_added, kev_due_date, kev_ransomware, "
                    "epss_score, epss_percentile) SELECT * FROM cpe_findings_source")
              .ok());
  REQUIRE(*old->query_int("SELECT count(*) FROM cpe_findings") == 1);
  REQUIRE(migrate(*old).ok());
  CHECK(*schema_version(*old) == latest_schema_version());
  CHECK(stale(*old) == 0);
  auto lookup = VulnLookup::open(*old);
  REQUIRE(lookup.ok());
  auto found = lookup->for_cpe("v", "p", "1.1");
  REQUIRE(found.ok());
  REQUIRE(ids(*found) == std::vector<std::string>{"CVE-2024-0002"});
  const VulnFinding& f = found->front();
  CHECK(f.range == ">= 1.0, < 1.2");
  CHECK(f.fixed_in == "1.2");
  CHECK(f.cvss == 9.8);
  CHECK(f.cvss_vector == "CVSS:3.1/AV:N");
  CHECK(f.severity == "CRITICAL");
  CHECK(f.cwes == "CWE-787");
  CHECK(f.published == "2024-02-01");
  CHECK(f.kev);
  CHECK(f.kev_due_date == "2024-03-22");
  CHECK(f.kev_ransomware);
  CHECK(f.source == "x");
}

// The facts and scores columns join fields with char(31): every shape of
// the facts must come back from a lookup exactly as the sources hold them.
TEST_CASE("cpe findings: packed facts come back exactly") {
  test::VulnDb t;
  {
    auto tx = Transaction::begin(t.db);
    REQUIRE(tx.ok());
    auto w = VulnWriter::prepare(t.db, "src");
    REQUIRE(w.ok());
    VulnRow v4{"CVE-2001-0001", "s", "2001-01-01"};
    v4.cvss4_score = 8.7, v4.cvss4_vector = "CVSS:4.0/AV:N", v4.cvss4_severity = "HIGH";
    v4.cwes = "CWE-1|CWE-2";
    VulnRow v2{"CVE-2001-0002", "s", "2001-01-02"};
    v2.cvss2_score = 4.3, v2.cvss2_vector = "AV:N/AC:M/Au:N/C:N/I:P/A:N";
    VulnRow none{"CVE-2001-0003", "s", ""};
    VulnRow v3{"CVE-2001-0004", "s", "2001-01-04"};
    v3.cvss3_score = 5.0, v3.cvss3_version = "3.0", v3.cvss3_vector = "CVSS:3.0/AV:L";
    v3.cvss4_score = 9.9;  // v3.x is shown first when both are known
    for (const VulnRow* row : {&v4, &v2, &none, &v3}) {
      REQUIRE(w->put_vulnerability(*row, Upsert::kKeepExisting).ok());
      CpeRange r{std::string("cpe:2.3:a:v:p:*:*:*:*:*:*:*:*"), "*", "", "", "", "2.0"};
      if (row == &none) r.criteria = "cpe:2.3:a:v:p:*:*:*:*:*:*:*:*\x1fodd";  // a separator inside a field
      REQUIRE(w->put_cpe_range(row->id, r, "a", "v", "p", row == &v2 ? "1.9.1" : "").ok());
    }
    REQUIRE(w->put_epss("CVE-2001-0001", 0.00043, 0.0917, "2025-03-20").ok());
    REQUIRE(w->put_epss("CVE-2001-0002", 4.3e-05, std::nullopt, "2025-03-20").ok());
    REQUIRE(w->put_kev("CVE-2001-0004", "v", "p", "n", "2022-01-10", "", "Unknown").ok());
    REQUIRE(refresh_cpe_findings(t.db).ok());
    REQUIRE(tx->commit().ok());
  }
  CHECK(stale(t.db) == 0);
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  auto found = lookup->for_cpe("v", "p", "1.0");
  REQUIRE(found.ok());
  REQUIRE(ids(*found) == std::vector<std::string>{"CVE-2001-0001", "CVE-2001-0002", "CVE-2001-0003", "CVE-2001-0004"});
  const auto& f = *found;
  CHECK(f[0].cvss == 8.7);
  CHECK(f[0].cvss_version == "4.0");
  CHECK(f[0].cvss_vector == "CVSS:4.0/AV:N");
  CHECK(f[0].severity == "HIGH");
  CHECK(f[0].cwes == "CWE-1|CWE-2");
  CHECK(f[0].epss == 0.00043);
  CHECK(f[0].epss_percentile == 0.0917);
  CHECK(f[0].fixed_in == "2.0");
  CHECK_FALSE(f[0].kev);
  CHECK(f[1].cvss == 4.3);
  CHECK(f[1].cvss_version == "2.0");
  CHECK(f[1].severity.empty());
  CHECK(f[1].epss == 4.3e-05);
  CHECK_FALSE(f[1].epss_percentile);
  CHECK(f[1].fixed_in == "1.9.1");
  CHECK_FALSE(f[2].cvss);
  CHECK(f[2].cvss_version.empty());
  CHECK(f[2].published.empty());
  CHECK(f[2].criteria == "cpe:2.3:a:v:p:*:*:*:*:*:*:*:* odd");
  CHECK(f[2].source == "src");
  CHECK_FALSE(f[2].epss);
  CHECK(f[3].cvss == 5.0);
  CHECK(f[3].cvss_version == "3.0");
  CHECK(f[3].kev);
  CHECK(f[3].kev_date_added == "2022-01-10");
  CHECK(f[3].kev_due_date.empty());
  CHECK_FALSE(f[3].kev_ransomware);
  CHECK(f[3].published == "2001-01-04");
}

/// One advisory per range, with bounds in the version shapes firmware carries.
struct ExoticRanges : test::VulnDb {
  struct Range {
    const char* id;
    const char* product;
    CpeRange bounds;
  };
  std::vector<Range> ranges = {
      {"CVE-2000-0001", "openssl", {"", "*", "1.0.2", "", "", "1.0.2zd"}},
      {"CVE-2000-0002", "openssl", {"", "1.0.2k"}},
      {"CVE-2000-0003", "openssl", {"", "*", "", "1.0.2k", "1.0.2u", ""}},
      {"CVE-2000-0004", "dropbear", {"", "*", "", "", "2022.83", ""}},
      {"CVE-2000-0005", "dropbear", {"", "*", "2020.79", "", "", "2022.82"}},
      {"CVE-2000-0006", "busybox", {"", "*", "1:1.30", "", "", "1.36.0"}},
      {"CVE-2000-0007", "busybox", {"", "*", "", "", "", "1.36.0-rc1"}},
      {"CVE-2000-0008", "busybox", {"", "1.36.0rc2"}},
      {"CVE-2000-0009", "openssh", {"", "*", "", "", "9.3p1", ""}},
      {"CVE-2000-0010", "openssh", {"", "*", "", "9.3", "", "9.3p2"}},
      {"CVE-2000-0011", "openssh", {"", "-"}},
      {"CVE-2000-0012", "kernel", {"", "*", "5.10", "", "", "5.10.199"}},
      {"CVE-2000-0013", "kernel", {"", "*", "", "", "", "v6.1.76"}},
      {"CVE-2000-0014", "kernel", {"", "*", "6.1~rc1", "", "6.1.0", ""}},
      {"CVE-2000-0015", "kernel", {"", "*"}},
  };

  ExoticRanges() {
    auto tx = db::Transaction::begin(db);
    REQUIRE(tx.ok());
    auto w = VulnWriter::prepare(db, "test");
    REQUIRE(w.ok());
    for (auto& r : ranges) {
      REQUIRE(w->put_vulnerability(VulnRow{r.id, "s", "2000-01-01"}, Upsert::kKeepExisting).ok());
      r.bounds.criteria = std::string("cpe:2.3:a:v:") + r.product + ":" + r.bounds.version + ":*:*:*:*:*:*:*";
      REQUIRE(w->put_cpe_range(r.id, r.bounds, "a", "v", r.product, r.bounds.end_excluding).ok());
    }
    REQUIRE(refresh_cpe_findings(db).ok());
    REQUIRE(tx->commit().ok());
  }
};

// The versions where comparators go wrong: letter suffixes, dates, epochs,
// pre-releases, patch levels, a leading v. The lookup through cpe_findings
// must give what match_cpe_range gives for each range on its own.
TEST_CASE("cpe findings: exotic versions get the same answer as matching each range") {
  ExoticRanges t;
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  const std::vector<std::string> versions = {"1.0.1",
                                             "1.0.2",
                                             "1.0.2a",
                                             "1.0.2j",
                                             "1.0.2k",
                                             "1.0.2l",
                                             "1.0.2u",
                                             "1.0.2za",
                                             "1.0.2zd",
                                             "1.1.1",
                                             "2019.78",
                                             "2020.79",
                                             "2020.81",
                                             "2022.82",
                                             "2022.83",
                                             "2024.84",
                                             "2022.83-1+deb12u1",
                                             "1.29",
                                             "1.30",
                                             "1:1.35.0-4+deb12u1",
                                             "1.36.0-rc1",
                                             "1.36.0rc1",
                                             "1.36.0rc2",
                                             "1.36.0",
                                             "1.36.1",
                                             "9.2p1",
                                             "9.3",
                                             "9.3p1",
                                             "9.3p2",
                                             "1:9.2p1-2+deb12u3",
                                             "9.6",
                                             "5.4.0",
                                             "5.10",
                                             "5.10.0",
                                             "5.10.198",
                                             "5.10.199",
                                             "6.1-rc3",
                                             "6.1.0",
                                             "6.1.75",
                                             "v6.1.76",
                                             "6.1.76",
                                             "6.2"};
  std::size_t matched = 0;
  for (const char* product : {"openssl", "dropbear", "busybox", "openssh", "kernel"}) {
    for (const auto& version : versions) {
      std::vector<std::string> want;
      for (const auto& r : t.ranges)
        if (r.product == std::string(product) && match_cpe_range(r.bounds, version)) want.push_back(r.id);
      auto found = lookup->for_cpe("v", product, version);
      REQUIRE(found.ok());
      INFO(product, " ", version);
      CHECK(ids(*found) == want);
      matched += want.size();
    }
  }
  CHECK(matched > 40);
  // A few answers spelled out, so the reference itself is pinned down.
  CHECK(ids(*lookup->for_cpe("v", "openssl", "1.0.2k")) == std::vector<std::string>{"CVE-2000-0001", "CVE-2000-0002"});
  CHECK(ids(*lookup->for_cpe("v", "openssl", "1.0.2l")) == std::vector<std::string>{"CVE-2000-0001", "CVE-2000-0003"});
  CHECK(ids(*lookup->for_cpe("v", "dropbear", "2022.83")) == std::vector<std::string>{"CVE-2000-0004"});
  CHECK(ids(*lookup->for_cpe("v", "busybox", "1.36.0-rc1")) == std::vector<std::string>{"CVE-2000-0006"});
  CHECK(ids(*lookup->for_cpe("v", "openssh", "9.3p1")) == std::vector<std::string>{"CVE-2000-0009", "CVE-2000-0010"});
  CHECK(ids(*lookup->for_cpe("v", "kernel", "5.10.199")) == std::vector<std::string>{"CVE-2000-0013", "CVE-2000-0015"});
  auto epoch = lookup->for_cpe("v", "busybox", "1:1.35.0-4+deb12u1");
  REQUIRE(epoch.ok());
  REQUIRE(ids(*epoch) == std::vector<std::string>{"CVE-2000-0006", "CVE-2000-0007"});
  CHECK(epoch->front().status == MatchStatus::kBackportPossible);
  CHECK(epoch->front().range == ">= 1:1.30, < 1.36.0");
}

}  // namespace
}  // namespace pedigree::db
