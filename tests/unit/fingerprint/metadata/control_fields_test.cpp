#include "scanner/fingerprint/metadata/control_fields.h"

#include <doctest/doctest.h>

#include "scanner/fingerprint/metadata/key_values.h"

using namespace pedigree::fingerprint;

TEST_CASE("control stanzas: fields, continuation lines, offsets and installed state") {
  auto rs = parse_control_stanzas(
      "Package: libssl3\r\nStatus: install ok installed\nSource: openssl (3.0.15-1)\nVersion: 3.0.15-1~deb12u1\n"
      "Description: x\n Package: not-a-field\n\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].package == "libssl3");
  CHECK(rs[0].source == "openssl");
  CHECK(rs[0].version == "3.0.15-1~deb12u1");
  CHECK(rs[0].offset == 0);
  CHECK(is_installed(rs[0]));
  CHECK(rs[1].package == "gone");
  CHECK(rs[1].offset > 0);
  CHECK_FALSE(is_installed(rs[1]));
}

TEST_CASE("key=value files: quoting, spaces around '=', comments") {
  auto kvs = parse_key_values("# c\nID=debian\nNAME=\"Debian \\\"GNU\\\"\"\nX='a b'\nDISTRO = poky\nbad key=1\n=x\n");
  REQUIRE(kvs.size() == 4);
  CHECK(find_key(kvs, "ID")->value == "debian");
  CHECK(find_key(kvs, "NAME")->value == "Debian \"GNU\"");
  CHECK(find_key(kvs, "X")->value == "a b");
  CHECK(find_key(kvs, "DISTRO")->value == "poky");
  CHECK(find_key(kvs, "missing") == nullptr);
}
