#include "scanner/db/id_list.h"

#include <doctest/doctest.h>

#include "scanner/db/input_file.h"
#include "tests/support/db_fixtures.h"

namespace pedigree::db {
namespace {

IdList parse_fixture(const char* file) {
  auto in = read_input_file(test::db_fixture(file));
  REQUIRE(in.ok());
  auto list = parse_id_list(in->bytes, file);
  REQUIRE_MESSAGE(list.ok(), (list.ok() ? "" : list.error().message));
  return std::move(*list);
}

TEST_CASE("id list: pci.ids vendors and devices; subsystems and classes skipped") {
  auto l = parse_fixture("pci.ids");
  CHECK(l.version == "2023.04.10");
  REQUIRE(l.vendors.size() == 4);
  CHECK(l.vendors[2].id == 0x10ec);
  CHECK(l.vendors[2].name == "Realtek Semiconductor Co., Ltd.");
  REQUIRE(l.devices.size() == 9);
  CHECK(l.devices[0].vendor == 0x10ec);
  CHECK(l.devices[0].id == 0x0139);
  CHECK(l.devices[8].vendor == 0x14c3);
  CHECK(l.devices[8].name == "MT7612E 802.11acbgn PCI Express Wireless Network Adapter");
}

TEST_CASE("id list: usb.ids with its C, AT, HID, HUT, L and VT sections") {
  auto l = parse_fixture("usb.ids");
  CHECK(l.version == "2025.07.26");
  REQUIRE(l.vendors.size() == 2);
  CHECK(l.vendors[1].name == "MediaTek Inc.");
  CHECK(l.devices.size() == 7);  // HUT's indented usages are not devices
}

TEST_CASE("id list: malformed lines are errors naming the line") {
  auto bad_vendor = parse_id_list("# c\n10e  Short id\n", "pci.ids");
  REQUIRE_FALSE(bad_vendor.ok());
  CHECK(bad_vendor.error().message == "pci.ids:2: expected a vendor line 'vvvv  Name' or a section");
  auto orphan = parse_id_list("\t0139  Device\n", "pci.ids");
  REQUIRE_FALSE(orphan.ok());
  CHECK(orphan.error().message == "pci.ids:1: indented line before any vendor or section");
  auto bad_device = parse_id_list("10ec  Realtek\n\t01g9  Device\n", "pci.ids");
  REQUIRE_FALSE(bad_device.ok());
  CHECK(bad_device.error().message == "pci.ids:2: expected a device line '<TAB>dddd  Name'");
}

TEST_CASE("id list: CRLF lines and a missing final newline parse; the line cap holds") {
  auto l = parse_id_list("10ec  Realtek\r\n\t0139  NIC\r\n14c3  MediaTek", "x");
  REQUIRE(l.ok());
  CHECK(l->vendors.size() == 2);
  CHECK(l->devices[0].name == "NIC");
  auto longl = parse_id_list("10ec  " + std::string(5000, 'x') + "\n", "x");
  CHECK_FALSE(longl.ok());
}

}  // namespace
}  // namespace pedigree::db
