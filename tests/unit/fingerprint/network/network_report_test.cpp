#include "scanner/fingerprint/network/network_report.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

TEST_CASE("network report: sightings merge per value, with domain and ccTLD country") {
  std::vector<EndpointSighting> eps = {
      {"https://ota.vendor.com.cn/fw", "url", "https", "ota.vendor.com.cn", "img → /usr/bin/a", 5},
      {"https://ota.vendor.com.cn/fw", "url", "https", "ota.vendor.com.cn", "img → /usr/bin/b", 9},
  };
  auto net = merge_network({}, eps, {});
  REQUIRE(net.endpoints.size() == 1);
  CHECK(net.endpoints[0].registrable_domain == "vendor.com.cn");
  CHECK(net.endpoints[0].tld_country == "CN");
  CHECK(net.endpoints[0].origins == std::vector<std::string>{"img → /usr/bin/a", "img → /usr/bin/b"});
}

TEST_CASE("network report: a container's copy of a file's bytes is not a second sighting") {
  report::Layer tar;
  tar.format = "tar";
  tar.origin = "img @0x100 tar";
  tar.parent = "img";
  tar.offset = 0x100;
  tar.size = 0x1000;
  std::vector<MacSighting> macs = {
      {"00:90:4C:12:34:56", "option macaddr", "img", 0x300},
      {"00:90:4C:12:34:56", "option macaddr", "img @0x100 tar → /etc/config/network", 0x20},
      {"00:90:4C:12:34:56", "ethaddr", "img", 0x5000},  // outside the tar: its own sighting
  };
  auto net = merge_network(macs, {}, {tar});
  REQUIRE(net.mac_addresses.size() == 1);
  const auto& m = net.mac_addresses[0];
  CHECK(m.origins == std::vector<std::string>{"img", "img @0x100 tar → /etc/config/network"});
  CHECK(m.origin == "img @0x100 tar → /etc/config/network");
  CHECK(m.context == "option macaddr");
}

}  // namespace
}  // namespace pedigree::fingerprint
