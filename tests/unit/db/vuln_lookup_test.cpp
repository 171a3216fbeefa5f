#include "scanner/db/vuln_lookup.h"

#include <doctest/doctest.h>

#include "scanner/db/vuln_import.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

/// The fixture feeds plus the component names a scan would use.
struct LookupDb : test::VulnDb {
  LookupDb() {
    for (const char* f : {"nvdcve-2.0-fixture.json"})
      REQUIRE(test::atomic(db, import_nvd_file, test::db_fixture(f)).ok());
    REQUIRE(test::atomic(db, import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
    REQUIRE(test::atomic(db, import_epss_file, test::db_fixture("epss_scores-2025-03-20.csv")).ok());
    REQUIRE(test::atomic(db, import_osv_input, test::db_fixture("osv-all.zip")).ok());
    REQUIRE(db.exec("INSERT INTO components (name, cpe_vendor, cpe_product, purl_name, data_source) VALUES "
                    "('curl', 'haxx', 'curl', 'curl', 't'), ('dnsmasq', 'thekelleys', 'dnsmasq', 'dnsmasq', 't'), "
                    "('dropbear', 'dropbear_ssh_project', 'dropbear_ssh', 'dropbear', 't'), "
                    "('openssh', 'openbsd', 'openssh', 'openssh', 't');"
                    "INSERT INTO component_aliases (alias, kind, name, data_source) VALUES "
                    "('haxx:libcurl', 'cpe', 'curl', 't'), ('libcurl4', 'package', 'curl', 't');")
                .ok());
  }
};

std::vector<std::string> ids(const std::vector<VulnFinding>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.id);
  return out;
}

TEST_CASE("vuln lookup: a component version gets its CVEs with CVSS, KEV and EPSS") {
  LookupDb t;
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  auto found = lookup->for_component("curl", "8.0.1");
  REQUIRE(found.ok());
  REQUIRE(found->size() == 1);  // curl and libcurl ranges name the same CVE once
  const VulnFinding& f = found->front();
  CHECK(f.id == "CVE-2023-38545");
  CHECK(f.status == MatchStatus::kVulnerable);
  CHECK(f.range == ">= 7.69.0, < 8.4.0");
  CHECK(f.fixed_in == "8.4.0");
  CHECK(f.cvss == doctest::Approx(9.8));
  CHECK(f.cvss_version == "3.1");
  CHECK(f.severity == "CRITICAL");
  CHECK(f.cwes == "CWE-787");
  CHECK(f.kev);
  CHECK(f.kev_date_added == "2024-01-10");
  REQUIRE(f.epss);
  CHECK(*f.epss == doctest::Approx(0.29845));
  CHECK(f.criteria == "cpe:2.3:a:haxx:curl:*:*:*:*:*:*:*:*");
  CHECK(f.source == "nvd:nvdcve-2.0-fixture");
  CHECK(f.published == "2023-10-18T04:15:11.077");
  auto summary = lookup->summary(f.id);
  REQUIRE(summary.ok());
  CHECK(summary->rfind("This flaw makes curl overflow a heap based buffer", 0) == 0);
  CHECK(lookup->for_component("curl", "8.4.0")->empty());
  // Before 7.69.0 only Debian's advisory (curl is also an OSV package name) applies.
  CHECK(ids(*lookup->for_component("curl", "7.68.0")) == std::vector<std::string>{"DSA-5587-1"});
  CHECK(ids(*lookup->for_component("libcurl4", "7.88.1")) == std::vector<std::string>{"CVE-2023-38545", "DSA-5587-1"});
}

TEST_CASE("vuln lookup: bounds, distro revisions and negated entries") {
  LookupDb t;
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  auto ssh = lookup->for_component("openssh", "9.3p2");
  REQUIRE(ssh.ok());
  CHECK(ids(*ssh) == std::vector<std::string>{"CVE-2023-48795"});
  CHECK(ssh->front().fixed_in == "9.6");
  CHECK(lookup->for_component("openssh", "9.6p1")->empty());
  CHECK(lookup->for_component("openssh", "9.6")->empty());  // the negated 9.6 entry matches nothing

  auto dropbear = lookup->for_component("dropbear", "2022.83");
  REQUIRE(dropbear.ok());
  CHECK(ids(*dropbear) == std::vector<std::string>{"CVE-2023-48795"});
  CHECK(dropbear->front().range == "<= 2022.83");
  CHECK(dropbear->front().fixed_in.empty());
  auto debian = lookup->for_component("dropbear", "2022.83-1+deb12u1");
  REQUIRE(debian.ok());
  REQUIRE(debian->size() == 1);
  CHECK(debian->front().status == MatchStatus::kBackportPossible);
  CHECK(lookup->for_component("dropbear", "2024.84")->empty());

  // Exact versions in the criteria.
  CHECK(ids(*lookup->for_cpe("fedoraproject", "fedora", "32")) == std::vector<std::string>{"CVE-2020-25681"});
  CHECK(lookup->for_cpe("fedoraproject", "fedora", "32")->front().range == "= 32");
  CHECK(lookup->for_cpe("fedoraproject", "fedora", "34")->empty());
  // Platform conditions (vulnerable=false) never match by themselves.
  CHECK(lookup->for_cpe("netapp", "h300s", "1.0")->empty());
  CHECK(ids(*lookup->for_cpe("libssh", "libssh", "0.10.5")) == std::vector<std::string>{"CVE-2023-48795"});
  CHECK(lookup->for_cpe("libssh", "libssh", "0.10.6")->empty());
  CHECK(lookup->for_component("unknown-thing", "1.0")->empty());
  CHECK(lookup->for_component("curl", "")->empty());
}

TEST_CASE("vuln lookup: OSV advisories, deduplicated against CVE aliases") {
  LookupDb t;
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  // dnsmasq 2.82: NVD's CVE-2020-25681 and the OSV advisory aliasing it: one finding.
  auto dnsmasq = lookup->for_component("dnsmasq", "2.82");
  REQUIRE(dnsmasq.ok());
  CHECK(ids(*dnsmasq) == std::vector<std::string>{"CVE-2020-25681"});
  CHECK(dnsmasq->front().cvss == doctest::Approx(8.1));
  // Debian's own range: the revision decides, and no backport caveat is needed.
  auto old_curl = lookup->for_component("curl", "7.88.1-10+deb12u4");
  REQUIRE(old_curl.ok());
  CHECK(ids(*old_curl) == std::vector<std::string>{"CVE-2023-38545", "DSA-5587-1"});
  CHECK(old_curl->back().status == MatchStatus::kVulnerable);
  CHECK(old_curl->back().fixed_in == "7.88.1-10+deb12u5");
  CHECK(old_curl->back().criteria == "osv:Debian:12/curl");
  CHECK(old_curl->front().status == MatchStatus::kBackportPossible);
  CHECK(ids(*lookup->for_component("curl", "7.88.1-10+deb12u5")) == std::vector<std::string>{"CVE-2023-38545"});
}

}  // namespace
}  // namespace pedigree::db
