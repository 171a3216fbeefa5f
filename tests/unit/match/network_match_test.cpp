#include "scanner/match/network_match.h"

#include <doctest/doctest.h>

#include "scanner/match/issuer_attribution.h"
#include "tests/unit/match/identity_db_fixture.h"

namespace pedigree::match {
namespace {

report::MacAddress mac(std::string address) {
  report::MacAddress m;
  m.address = std::move(address);
  m.origin = "fw.bin → /etc/config/network";
  m.origins = {m.origin};
  return m;
}

report::Endpoint endpoint(std::string host, std::string domain) {
  report::Endpoint e;
  e.value = "https://" + host + "/";
  e.kind = "url";
  e.host = std::move(host);
  e.registrable_domain = std::move(domain);
  e.origins = {"fw.bin → /usr/bin/agent"};
  return e;
}

TEST_CASE("network match: MAC blocks get their IEEE organisation, mapped to a known vendor where possible") {
  test::IdentityDb t;
  auto db = t.open();
  report::Report r;
  r.network.mac_addresses = {mac("04:A3:16:B0:0C:01"), mac("00:90:4C:12:34:56"), mac("00:11:22:33:44:55")};
  r.network.endpoints = {endpoint("iot.acmecloud.cn", "acmecloud.cn"), endpoint("www.debian.org", "debian.org")};
  VendorBook vendors(db);
  REQUIRE(attach_network(r, db, vendors).ok());
  CHECK(r.network.mac_addresses[0].organization == "Texas Instruments");
  CHECK(r.network.mac_addresses[0].country == "US");
  CHECK(r.network.mac_addresses[0].registry == "MA-L");
  CHECK(r.network.mac_addresses[1].organization == "Epigram, Inc.");
  CHECK(r.network.mac_addresses[2].organization.empty());  // not in the registry
  CHECK(r.network.endpoints[0].owner == "Acme Cloud");
  CHECK(r.network.endpoints[1].owner.empty());
  auto v = vendors.take();
  REQUIRE(v.size() == 3);
  CHECK(v[0].name == "Acme Cloud");
  CHECK(v[0].country == "CN");
  CHECK(v[0].roles[0].role == "cloud-endpoint");
  CHECK(v[0].roles[0].subject == "iot.acmecloud.cn");
  CHECK(v[1].name == "Epigram, Inc.");  // unknown to vendors.csv: the registry's name and country
  CHECK(v[1].country == "US");
  CHECK(v[2].name == "Texas Instruments");
  CHECK(v[2].roles[0].role == "mac-block-owner");
}

TEST_CASE("network match: a certificate issuer becomes a vendor through the same book") {
  test::IdentityDb t;
  auto db = t.open();
  VendorBook vendors(db);
  REQUIRE(attribute_certificate_issuer(vendors, "TI", "US", "CN=device", "fw.bin → /etc/ssl/dev.pem").ok());
  REQUIRE(attribute_certificate_issuer(vendors, "Shenzhen Example Ltd", "CN", "CN=cloud", "x").ok());
  REQUIRE(attribute_certificate_issuer(vendors, "", "CN", "CN=none", "x").ok());
  auto v = vendors.take();
  REQUIRE(v.size() == 2);
  CHECK(v[0].name == "Shenzhen Example Ltd");
  CHECK(v[0].country == "CN");
  CHECK(v[1].name == "Texas Instruments");
  CHECK(v[1].roles[0].role == "certificate-issuer");
}

}  // namespace
}  // namespace pedigree::match
