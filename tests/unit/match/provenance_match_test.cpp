#include "scanner/match/provenance_match.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/db/builder.h"
#include "scanner/db/vuln_import.h"
#include "tests/support/scratch_dir.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::match {
namespace {

/// A database built the way `pedigree db build` builds it, from a small seed
/// (one supplier under a listed parent) plus the NVD and KEV fixtures.
struct MatchDb {
  test::ScratchDir dir;
  std::string path = dir.path("pedigree.db");

  MatchDb() {
    dir.write("seed/components.csv",
              "name,cpe_vendor,cpe_product,purl_type,purl_namespace,purl_name,supplier,upstream\n"
              "curl,haxx,curl,generic,,curl,Acme Networks,https://curl.se\n");
    dir.write("seed/vendors.csv",
              "name,aliases,country,parent,ownership,website,roles,source,checked\n"
              "Acme Group,,CN,,state-owned,https://acme.invalid,oem,https://acme.invalid/about,2026-11-30\n"
              "Acme Networks,ACME NET,CN,Acme Group,,https://net.acme.invalid,component,https://acme.invalid,"
              "2026-11-30\n");
    dir.write("seed/lists.csv",
              "list,jurisdiction,title,authority,url,checked\n"
              "fcc-covered,US,Covered List,FCC,https://www.fcc.gov/supplychain/coveredlist,2026-11-30\n");
    dir.write("seed/list_entries.csv",
              "list,jurisdiction,entity,vendor,scope,date_added,source,checked\n"
              "fcc-covered,US,Acme Group Co.,Acme Group,telecommunications equipment,2021-03-12,"
              "https://www.fcc.gov/supplychain/coveredlist,2026-11-30\n");
    // The CA store fixture holds ISRG Root X1 and DigiCert Global Root G2.
    auto built = db::build_database({path, dir.path("seed"), {{"ca-store", test::db_fixture("ca-bundle.pem")}}});
    REQUIRE(built.ok());
    auto rw = db::Database::open(path, db::OpenMode::kReadWrite);
    REQUIRE(rw.ok());
    REQUIRE(test::atomic(*rw, db::import_nvd_file, test::db_fixture("nvdcve-2.0-fixture.json")).ok());
    REQUIRE(test::atomic(*rw, db::import_kev_file, test::db_fixture("known_exploited_vulnerabilities.csv")).ok());
  }
};

report::Component component(std::string version, std::string distro = "", std::string relation = "") {
  report::Component c;
  c.name = "curl";
  c.version = std::move(version);
  c.distro_version = std::move(distro);
  c.relation = std::move(relation);
  c.paths = {"fw.bin @0x40000 squashfs → /usr/bin/curl"};
  return c;
}

report::Report attach(MatchDb& t, std::vector<report::Component> components) {
  auto db = db::ProvenanceDb::open(t.path);
  REQUIRE(db.ok());
  report::Report r;
  r.components = std::move(components);
  REQUIRE(attach_provenance(r, *db).ok());
  return r;
}

TEST_CASE("match: a component version gets its CVEs with CVSS, severity and KEV") {
  MatchDb t;
  auto r = attach(t, {component("8.0.1")});
  REQUIRE(r.vulnerabilities.size() == 1);
  const auto& v = r.vulnerabilities.front();
  CHECK(v.id == "CVE-2023-38545");
  CHECK(v.component == "curl");
  CHECK(v.version == "8.0.1");
  CHECK(v.status == "vulnerable");
  CHECK(v.cvss == doctest::Approx(9.8));
  CHECK(v.severity == "critical");
  CHECK(v.kev);
  CHECK(v.fixed_in == "8.4.0");
  CHECK(attach(t, {component("8.4.0")}).vulnerabilities.empty());
}

TEST_CASE("match: a distribution revision makes the match 'fix may be backported'") {
  MatchDb t;
  auto r = attach(t, {component("7.88.1", "7.88.1-10+deb12u4")});
  REQUIRE(r.vulnerabilities.size() == 1);
  CHECK(r.vulnerabilities.front().status == "backport-possible");
  CHECK(r.vulnerabilities.front().version == "7.88.1");
}

TEST_CASE("match: a library a program was only built against is not matched; a static copy is") {
  MatchDb t;
  auto r = attach(t, {component("8.0.1", "", "built-against"), component("8.0.1", "", "statically-linked")});
  REQUIRE(r.vulnerabilities.size() == 1);
  CHECK(r.vulnerabilities.front().relation == "statically-linked");
  CHECK(attach(t, {component("")}).vulnerabilities.empty());  // no version, no claim
}

TEST_CASE("match: the supplier becomes a vendor with country, parents and the list entries above it") {
  MatchDb t;
  auto r = attach(t, {component("8.4.0")});
  CHECK(r.components.front().supplier == "Acme Networks");
  REQUIRE(r.vendors.size() == 1);
  const auto& v = r.vendors.front();
  CHECK(v.name == "Acme Networks");
  CHECK(v.country == "CN");
  CHECK(v.parents == std::vector<std::string>{"Acme Group (CN)"});
  REQUIRE(v.roles.size() == 1);
  CHECK(v.roles.front().role == "component-supplier");
  CHECK(v.roles.front().subject == "curl");
  REQUIRE(v.lists.size() == 1);
  CHECK(v.lists.front().list == "fcc-covered");
  CHECK(v.lists.front().via == "Acme Group");
  CHECK(v.lists.front().date_added == "2021-03-12");
}

TEST_CASE("match: the report names the database's schema and every source it was built from") {
  MatchDb t;
  auto r = attach(t, {});
  CHECK(r.database.schema_version >= 2);
  std::vector<std::string> names;
  for (const auto& s : r.database.sources) names.push_back(s.name);
  CHECK(std::find(names.begin(), names.end(), "seed:components") != names.end());
  CHECK(std::find(names.begin(), names.end(), "seed:vendors") != names.end());
  CHECK(std::find(names.begin(), names.end(), "nvd:nvdcve-2.0-fixture") != names.end());
}

report::Certificate certificate(std::string subject_o, std::string issuer_o, std::string issuer_c) {
  report::Certificate c;
  c.origin = "fw.bin @0x40000 squashfs → /etc/ssl/certs/" + subject_o + ".pem";
  c.subject_cn = subject_o + " device";
  c.subject_o = std::move(subject_o);
  c.issuer_o = std::move(issuer_o);
  c.issuer_c = std::move(issuer_c);
  return c;
}

const report::Vendor* vendor_named(const report::Report& r, const std::string& name) {
  for (const auto& v : r.vendors) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

TEST_CASE("match: a certificate's issuer is a public CA or a private one, and issuers become vendors") {
  MatchDb t;
  auto db = db::ProvenanceDb::open(t.path);
  REQUIRE(db.ok());
  report::Report r;
  auto isrg = certificate("Internet Security Research Group", "Internet Security Research Group", "US");
  isrg.self_signed = true;
  isrg.sha256 = "96bcec06264976f37460779acf28c5a7cfe8a3c0aae11a8ffcee05c0bddf08c6";
  auto copied_root = isrg;  // same names, other bytes: not the store's root
  copied_root.sha256 = std::string(64, 'a');
  r.certificates = {isrg, copied_root, certificate("Example Shop", "DigiCert Inc", "US"),
                    certificate("Acme Group", "Acme Networks", "CN")};
  REQUIRE(attach_provenance(r, *db).ok());
  CHECK(r.certificates[0].issuer_known_ca == "yes");
  CHECK(r.certificates[1].issuer_known_ca == "no");
  CHECK(r.certificates[2].issuer_known_ca == "yes");
  CHECK(r.certificates[3].issuer_known_ca == "no");
  // An issuer the vendor table does not know keeps its name and the certificate's country.
  const auto* digicert = vendor_named(r, "DigiCert Inc");
  REQUIRE(digicert != nullptr);
  CHECK(digicert->country == "US");
  REQUIRE(digicert->roles.size() == 1);
  CHECK(digicert->roles[0].role == "certificate-issuer");
  CHECK(digicert->roles[0].subject == "Example Shop device");
  // A private CA of a known vendor: its country and list entries come along.
  const auto* acme = vendor_named(r, "Acme Networks");
  REQUIRE(acme != nullptr);
  CHECK(acme->country == "CN");
  CHECK(acme->lists.size() == 1);
  // A subject organisation is attributed only when the database knows it.
  const auto* group = vendor_named(r, "Acme Group");
  REQUIRE(group != nullptr);
  REQUIRE(group->roles.size() == 1);
  CHECK(group->roles[0].role == "certificate-subject");
  CHECK(vendor_named(r, "Example Shop") == nullptr);
}

TEST_CASE("match: severity follows the CVSS v3 bands") {
  CHECK(std::string(severity_of_cvss(9.8)) == "critical");
  CHECK(std::string(severity_of_cvss(7.0)) == "high");
  CHECK(std::string(severity_of_cvss(6.9)) == "medium");
  CHECK(std::string(severity_of_cvss(0.1)) == "low");
  CHECK(std::string(severity_of_cvss(0.0)) == "none");
  CHECK(std::string(severity_of_cvss(-1)) == "unknown");
}

}  // namespace
}  // namespace pedigree::match
