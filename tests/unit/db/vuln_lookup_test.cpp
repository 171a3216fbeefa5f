#include "scanner/db/vuln_lookup.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "scanner/db/version.h"
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

/// Every row of one table query, each row's columns joined by '|'.
std::vector<std::string> rows(Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  REQUIRE(st.ok());
  std::vector<std::string> out;
  for (auto row = st->step(); row.ok() && *row; row = st->step()) {
    std::string line;
    for (int c = 0; c < st->column_count(); ++c) line += st->column_text(c) + "|";
    out.push_back(line);
  }
  return out;
}

// The reference: every range of every product read in full and matched with
// match_cpe_range, no index, no sort key, no SQL version test. The lookup must
// return exactly the same CVEs with the same facts for every version that
// appears as a bound (where off-by-one errors live) and a few beyond them.
TEST_CASE("vuln lookup: for_cpe finds what a full scan with match_cpe_range finds") {
  LookupDb t;
  auto lookup = VulnLookup::open(t.db);
  REQUIRE(lookup.ok());
  std::vector<std::string> versions = {"0", "0.1", "1.0.0", "99", "1:1.35.0-4+deb12u1", "2022.83-1+deb12u1"};
  for (const auto& v : rows(t.db,
                            "SELECT DISTINCT x FROM (SELECT version AS x FROM cpe_ranges UNION SELECT "
                            "start_including FROM cpe_ranges UNION SELECT start_excluding FROM cpe_ranges "
                            "UNION SELECT end_including FROM cpe_ranges UNION SELECT end_excluding FROM "
                            "cpe_ranges) WHERE x IS NOT NULL AND x NOT IN ('*', '-')"))
    versions.push_back(v.substr(0, v.size() - 1));
  auto products = rows(t.db, "SELECT DISTINCT vendor || '|' || product FROM cpe_ranges");
  REQUIRE(products.size() >= 5);
  std::size_t compared = 0;
  for (const auto& vp : products) {
    std::string vendor = vp.substr(0, vp.find('|')),
                product = vp.substr(vp.find('|') + 1, vp.size() - 2 - vp.find('|'));
    auto all = t.db.prepare(
        "SELECT r.vuln_id, r.version, coalesce(r.start_including, ''), coalesce(r.start_excluding, ''), "
        "coalesce(r.end_including, ''), coalesce(r.end_excluding, ''), r.vulnerable, coalesce(v.status, '') "
        "FROM cpe_ranges r LEFT JOIN vulnerabilities v ON v.id = r.vuln_id WHERE r.vendor = ?1 AND r.product = ?2");
    REQUIRE(all.ok());
    for (const auto& version : versions) {
      std::set<std::string> want;
      all->reset();
      all->bind(1, vendor).bind(2, product);
      for (auto row = all->step(); row.ok() && *row; row = all->step()) {
        CpeRange r{"",
                   all->column_text(1),
                   all->column_text(2),
                   all->column_text(3),
                   all->column_text(4),
                   all->column_text(5),
                   all->column_int(6) == 1};
        if (r.vulnerable && all->column_text(7) != "Rejected" && match_cpe_range(r, version))
          want.insert(all->column_text(0));
      }
      auto found = lookup->for_cpe(vendor, product, version);
      REQUIRE(found.ok());
      std::set<std::string> got;
      for (const auto& f : *found) {
        got.insert(f.id);
        auto facts = rows(t.db,
                          "SELECT coalesce(cvss3_score, cvss4_score, cvss2_score, ''), cwes, kev, "
                          "coalesce(epss_score, '') FROM vulnerability_facts WHERE id = '" +
                              f.id + "'");
        REQUIRE(facts.size() == 1);
        std::string mine = (f.cvss ? rows(t.db, "SELECT " + std::to_string(*f.cvss))[0] : "|") + f.cwes + "|" +
                           (f.kev ? "1" : "0") + "|" +
                           (f.epss ? rows(t.db, "SELECT " + std::to_string(*f.epss))[0] : "|");
        CHECK(facts[0] == mine);
        CHECK(f.status == (has_distro_revision(version) ? MatchStatus::kBackportPossible : MatchStatus::kVulnerable));
      }
      INFO(vendor, ":", product, " ", version);
      CHECK(got == want);
      compared += want.size();
    }
  }
  CHECK(compared > 20);  // the comparison saw real matches, not only empty sets
}

}  // namespace
}  // namespace pedigree::db
