#include "scanner/db/seed_cves.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

constexpr const char* kCves =
    "id,summary,published,cvss_version,cvss_score,cvss_vector,cwe,kev,kev_date,epss,source,checked\n"
    "CVE-2023-38545,\"curl SOCKS5 heap overflow, long host names\",2023-10-18,3.1,9.8,"
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,CWE-787,0,,0.3,https://nvd.nist.gov/vuln/detail/"
    "CVE-2023-38545,2026-11-30\n"
    "CVE-2023-4911,glibc Looney Tunables,2023-10-03,3.1,7.8,CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H,CWE-787,1,"
    "2023-11-21,,https://nvd.nist.gov/vuln/detail/CVE-2023-4911,\n";
constexpr const char* kRanges =
    "id,component,cpe_vendor,cpe_product,version_exact,start_including,start_excluding,end_including,end_excluding,"
    "fixed_in\n"
    "CVE-2023-38545,curl,haxx,curl,,7.69.0,,,8.4.0,8.4.0\n"
    "CVE-2023-4911,glibc,gnu,glibc,,2.34,,,2.39,\n";

Status load(test::VulnDb& t, SeedLog& log) { return load_vulnerability_seed(t.db, t.dir.path("seed"), log); }

TEST_CASE("seed cves: both files load, with KEV and EPSS facts and sources") {
  test::VulnDb t;
  t.dir.write("seed/cves.csv", kCves);
  t.dir.write("seed/cve_ranges.csv", kRanges);
  SeedLog log;
  auto st = load(t, log);
  REQUIRE_MESSAGE(st.ok(), st.error().message);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE data_source = 'seed:cves'") == 2);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE data_source = 'seed:cve_ranges'") == 2);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities WHERE id = 'CVE-2023-38545' AND cvss3_score = 9.8 "
                "AND summary = 'curl SOCKS5 heap overflow, long host names'") == 1);
  CHECK(t.count("SELECT count(*) FROM kev WHERE cve_id = 'CVE-2023-4911' AND date_added = '2023-11-21'") == 1);
  CHECK(t.count("SELECT count(*) FROM epss WHERE cve_id = 'CVE-2023-38545' AND percentile IS NULL") == 1);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE product = 'glibc' AND fixed_in = '2.39'") == 1);
  CHECK(t.count("SELECT count(*) FROM data_sources WHERE name IN ('seed:cves', 'seed:cve_ranges')") == 2);
  const std::string once = t.digest();
  REQUIRE(load(t, log).ok());
  CHECK(t.digest() == once);
}

TEST_CASE("seed cves: registered with db build's seed loaders") {
  bool found = false;
  for (const auto& l : seed_loaders()) found = found || l.name == "vulnerabilities";
  CHECK(found);
}

TEST_CASE("seed cves: a bad line names file, line and CVE, and changes nothing") {
  test::VulnDb t;
  t.dir.write("seed/cves.csv", kCves);
  t.dir.write("seed/cve_ranges.csv", kRanges);
  SeedLog log;
  REQUIRE(load(t, log).ok());
  const std::string before = t.digest();
  t.dir.write("seed/cve_ranges.csv", std::string(kRanges) + "CVE-2024-1,busybox,,busybox,,,,,1.36.1,\n");
  auto r = load(t, log);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        t.dir.path("seed/cve_ranges.csv") + ":4: CVE-2024-1: cpe_vendor and cpe_product are required");
  CHECK(t.digest() == before);
  t.dir.write("seed/cve_ranges.csv", kRanges);
  t.dir.write("seed/cves.csv", std::string(kCves) + "CVE-2024-2,x,2024-01-01,3.1,nine,,,0,,,src,\n");
  auto bad_score = load(t, log);
  REQUIRE_FALSE(bad_score.ok());
  CHECK(bad_score.error().message == t.dir.path("seed/cves.csv") + ":4: cvss_score 'nine' is not a number");
  CHECK(t.digest() == before);
}

TEST_CASE("seed cves: the committed seed loads when present") {
  const std::string seed = std::string(PEDIGREE_SOURCE_DIR) + "/db/seed";
  if (!std::ifstream(seed + "/cves.csv") || !std::ifstream(seed + "/cve_ranges.csv")) return;
  test::VulnDb t;
  SeedLog log;
  auto st = load_vulnerability_seed(t.db, seed, log);
  REQUIRE_MESSAGE(st.ok(), st.error().message);
  CHECK(t.count("SELECT count(*) FROM vulnerabilities") > 0);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges") > 0);
}

}  // namespace
}  // namespace pedigree::db
