#include "scanner/fingerprint/network/mac_addresses.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

using namespace std::string_literals;

std::vector<std::string> addresses(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : mac_addresses_in(text)) out.push_back(m.address + " " + m.context);
  return out;
}

TEST_CASE("MAC addresses: uci, NVRAM, U-Boot environment and ifupdown keys") {
  CHECK(addresses("config interface 'lan'\n\toption macaddr '00:90:4c:12:34:56'\n") ==
        std::vector<std::string>{"00:90:4C:12:34:56 option macaddr"});
  CHECK(addresses("et0macaddr=00:10:18:aa:bb:cc\nwl0_hwaddr=00-10-18-AA-BB-CD\n") ==
        std::vector<std::string>{"00:10:18:AA:BB:CC et0macaddr", "00:10:18:AA:BB:CD wl0_hwaddr"});
  CHECK(addresses("bootdelay=1\0ethaddr=04:a3:16:b0:0c:01\0serial#=1\0"s) ==
        std::vector<std::string>{"04:A3:16:B0:0C:01 ethaddr"});
  CHECK(addresses("iface eth0 inet static\n    hwaddress ether 04:a3:16:b0:0c:01\n") ==
        std::vector<std::string>{"04:A3:16:B0:0C:01 hwaddress ether"});
}

TEST_CASE("MAC addresses: placeholders, broadcast, multicast, locally administered and keyless ones are skipped") {
  CHECK(addresses("macaddr=00:00:00:00:00:00\nmacaddr=ff:ff:ff:ff:ff:ff\n").empty());
  CHECK(addresses("macaddr=01:00:5e:00:00:01\nmacaddr=02:11:22:33:44:55\n").empty());
  CHECK(addresses("time 12:34:56:78:9a:bc seen\n").empty());
  CHECK(addresses("\x01\x02"
                  "00:90:4c:12:34:56\x03"s)
            .empty());
  CHECK(addresses("macaddr=00:90:4c:12:34:56:78\n").empty());  // longer than an address
  CHECK(addresses("macaddr=00:90:4c:12:34\n").empty());
}

TEST_CASE("MAC addresses: the same address twice in a file is one sighting") {
  auto found = mac_addresses_in("macaddr=00:90:4c:12:34:56\nlan_hwaddr=00:90:4C:12:34:56\n");
  REQUIRE(found.size() == 1);
  CHECK(found.front().offset == 8);
}

}  // namespace
}  // namespace pedigree::fingerprint
