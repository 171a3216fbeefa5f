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

namespace pedigree::fingerprint {
namespace {

TEST_CASE("network report: a MAC's confidence comes from its best sighting; a bad U-Boot CRC makes it low") {
  UBootEnvironment good, bad;
  good.origin = bad.origin = "dump.bin";
  good.data_offset = 0x1004;
  good.data_end = 0x1100;
  good.crc_ok = true;
  bad.data_offset = 0x2004;
  bad.data_end = 0x2100;
  std::vector<UBootEnvironment> envs = {good, bad};
  MacSighting in_good{"04:A3:16:B0:0C:01", "ethaddr", "dump.bin", 0x1040, true};
  MacSighting in_bad{"04:A3:16:B0:0C:02", "ethaddr", "dump.bin", 0x2040, true};
  MacSighting in_binary{"04:A3:16:B0:0C:03", "ethaddr", "dump.bin", 0x3000, true};
  MacSighting in_text{"04:A3:16:B0:0C:03", "option macaddr", "dump.bin @0x8000 jffs2 → /etc/config/network", 9, false};
  auto net = merge_network({in_good, in_bad, in_binary, in_text}, {}, {}, envs);
  REQUIRE(net.mac_addresses.size() == 3);
  CHECK(net.mac_addresses[0].confidence == "high");
  CHECK(net.mac_addresses[0].confidence_basis == "U-Boot environment with a valid CRC32");
  CHECK(net.mac_addresses[1].confidence == "low");
  CHECK(net.mac_addresses[1].confidence_basis == "U-Boot environment whose CRC32 does not match");
  CHECK(net.mac_addresses[2].confidence == "high");  // the text sighting outranks the binary one
  auto only_binary = merge_network({in_binary}, {}, {}, envs);
  CHECK(only_binary.mac_addresses[0].confidence == "medium");
}

TEST_CASE("network report: an endpoint in a configuration is high, a URL in a binary medium, a bare host low") {
  EndpointSighting conf{"pool.ntp.org", "host", "", "pool.ntp.org", "img → /etc/config/system", 3, false};
  EndpointSighting url{
      "https://ota.vendor.com.cn/fw", "url", "https", "ota.vendor.com.cn", "img → /usr/bin/a", 5, true};
  EndpointSighting host{"iot.vendor.cn", "host", "", "iot.vendor.cn", "img → /usr/bin/a", 9, true};
  auto net = merge_network({}, {conf, url, host}, {});
  REQUIRE(net.endpoints.size() == 3);
  for (const auto& e : net.endpoints) {
    std::string want = e.host == "pool.ntp.org" ? "high" : e.kind == "url" ? "medium" : "low";
    CHECK_MESSAGE(e.confidence == want, e.value);
    CHECK(!e.confidence_basis.empty());
  }
}

}  // namespace
}  // namespace pedigree::fingerprint
