#include "scanner/db/seed_cves.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

constexpr const char* kCves =
    "id,summary,published,cvss_version,cvss_score,cvss_vector,cwe,kev,kev_date,epss,source\n"
    "CVE-2023-38545,\"curl SOCKS5 heap overflow, long host names\",2023-10-18,3.1,9.8,"
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,CWE-787,0,,0.3,https://nvd.nist.gov/vuln/detail/CVE-2023-38545\n"
    "CVE-2023-4911,glibc Looney Tunables,2023-10-03,3.1,7.8,CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H,CWE-787,1,"
    "2023-11-21,,https://nvd.nist.gov/vuln/detail/CVE-2023-4911\n";
constexpr const char* kRanges =
    "id,component,cpe_vendor,cpe_product,version_exact,start_including,start_excluding,end_including,end_excluding,"
    "fixed_in\n"
    "CVE-2023-38545,curl,haxx,curl,,7.69.0,,,8.4.0,8.4.0\n"
    "CVE-2023-4911,glibc,gnu,glibc,,2.34,,,2.39,\n";

TEST_CASE("seed cves: both files load, with KEV and EPSS facts and sources") {
  test::VulnDb t;
  t.dir.write("seed/cves.csv", kCves);
  t.dir.write("seed/cve_ranges.csv", kRanges);
  auto n = load_seed_cves(t.db, t.dir.path("seed"));
  REQUIRE_MESSAGE(n.ok(), n.error().message);
  CHECK(n->vulnerabilities == 2);
  CHECK(n->ranges == 2);
  CHECK(t.count("SELECT count(*) FROM kev WHERE cve_id = 'CVE-2023-4911' AND date_added = '2023-11-21'") == 1);
  CHECK(t.count("SELECT count(*) FROM epss WHERE cve_id = 'CVE-2023-38545' AND percentile IS NULL") == 1);
  CHECK(t.count("SELECT count(*) FROM cpe_ranges WHERE product = 'glibc' AND fixed_in = '2.39'") == 1);
  CHECK(t.count("SELECT count(*) FROM data_sources WHERE name IN ('seed:cves', 'seed:cve_ranges')") == 2);
  const std::string once = t.digest();
  REQUIRE(load_seed_cves(t.db, t.dir.path("seed")).ok());
  CHECK(t.digest() == once);
}

TEST_CASE("seed cves: a bad line names file, line and CVE, and changes nothing") {
  test::VulnDb t;
  t.dir.write("seed/cves.csv", kCves);
  t.dir.write("seed/cve_ranges.csv", kRanges);
  REQUIRE(load_seed_cves(t.db, t.dir.path("seed")).ok());
  const std::string before = t.digest();
  t.dir.write("seed/cve_ranges.csv", std::string(kRanges) + "CVE-2024-1,busybox,,busybox,,,,,1.36.1,\n");
  auto r = load_seed_cves(t.db, t.dir.path("seed"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        t.dir.path("seed/cve_ranges.csv") + ": line 4 (CVE-2024-1): cpe_vendor and cpe_product are required");
  t.dir.write("seed/cve_ranges.csv", kRanges);
  t.dir.write("seed/cves.csv", std::string(kCves) + "CVE-2024-2,x,2024-01-01,3.1,nine,,,0,,,src\n");
  auto bad_score = load_seed_cves(t.db, t.dir.path("seed"));
  REQUIRE_FALSE(bad_score.ok());
  CHECK(bad_score.error().message.find("line 4 (CVE-2024-2): cvss_score or epss is not a number") != std::string::npos);
  CHECK(t.digest() == before);
}

TEST_CASE("seed cves: the committed seed loads when present") {
  const std::string seed = std::string(PEDIGREE_SOURCE_DIR) + "/db/seed";
  if (!std::ifstream(seed + "/cves.csv") || !std::ifstream(seed + "/cve_ranges.csv")) return;
  test::VulnDb t;
  auto n = load_seed_cves(t.db, seed);
  REQUIRE_MESSAGE(n.ok(), n.error().message);
  CHECK(n->vulnerabilities > 0);
  CHECK(n->ranges > 0);
}

}  // namespace
}  // namespace pedigree::db
