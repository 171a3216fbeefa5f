#include "scanner/fingerprint/naming/purl.h"

#include <doctest/doctest.h>

using namespace pedigree::fingerprint;

TEST_CASE("purls percent-encode names and versions") {
  CHECK(format_purl({"deb", "debian", "busybox", "1:1.35.0-4+deb12u1", {{"arch", "mipsel"}}}) ==
        "pkg:deb/debian/busybox@1:1.35.0-4%2Bdeb12u1?arch=mipsel");
  CHECK(format_purl({"generic", "", "zlib", "1.3.1", {}}) == "pkg:generic/zlib@1.3.1");
  CHECK(format_purl({"generic", "", "libstdc++", "", {}}) == "pkg:generic/libstdc%2B%2B");
  CHECK(format_purl({"opkg", "openwrt", "a b", "1 2", {{"z", "1"}, {"arch", "x/y"}, {"empty", ""}}}) ==
        "pkg:opkg/openwrt/a%20b@1%202?arch=x/y&z=1");
  CHECK(format_purl({"", "", "x", "1", {}}).empty());
}
