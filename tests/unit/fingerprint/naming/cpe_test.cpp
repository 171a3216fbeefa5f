#include "scanner/fingerprint/naming/cpe.h"

#include <doctest/doctest.h>

#include "scanner/fingerprint/naming/purl.h"

using namespace pedigree::fingerprint;

TEST_CASE("CPE 2.3 formatted strings escape special characters") {
  CHECK(format_cpe('a', "openssl", "openssl", "3.0.15") == "cpe:2.3:a:openssl:openssl:3.0.15:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "isc", "dhcp", "4.4.3-P1") == "cpe:2.3:a:isc:dhcp:4.4.3-p1:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "x", "y", "1.0+git~2:a") == "cpe:2.3:a:x:y:1.0\\+git\\~2\\:a:*:*:*:*:*:*:*");
  CHECK(format_cpe('o', "linux", "linux_kernel", "") == "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "", "y", "1").empty());
}

TEST_CASE("purls percent-encode names and versions") {
  CHECK(format_purl({"deb", "debian", "busybox", "1:1.35.0-4+deb12u1", {{"arch", "mipsel"}}}) ==
        "pkg:deb/debian/busybox@1:1.35.0-4%2Bdeb12u1?arch=mipsel");
  CHECK(format_purl({"generic", "", "zlib", "1.3.1", {}}) == "pkg:generic/zlib@1.3.1");
  CHECK(format_purl({"generic", "", "libstdc++", "", {}}) == "pkg:generic/libstdc%2B%2B");
  CHECK(format_purl({"opkg", "openwrt", "a b", "1 2", {{"z", "1"}, {"arch", "x/y"}, {"empty", ""}}}) ==
        "pkg:opkg/openwrt/a%20b@1%202?arch=x/y&z=1");
  CHECK(format_purl({"", "", "x", "1", {}}).empty());
}
