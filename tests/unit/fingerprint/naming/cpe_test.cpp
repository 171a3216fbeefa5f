#include "scanner/fingerprint/naming/cpe.h"

#include <doctest/doctest.h>

using namespace pedigree::fingerprint;

TEST_CASE("CPE 2.3 formatted strings escape special characters") {
  CHECK(format_cpe('a', "openssl", "openssl", "3.0.15") == "cpe:2.3:a:openssl:openssl:3.0.15:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "isc", "dhcp", "4.4.3-P1") == "cpe:2.3:a:isc:dhcp:4.4.3-p1:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "x", "y", "1.0+git~2:a") == "cpe:2.3:a:x:y:1.0\\+git\\~2\\:a:*:*:*:*:*:*:*");
  CHECK(format_cpe('o', "linux", "linux_kernel", "") == "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*");
  CHECK(format_cpe('a', "", "y", "1").empty());
}
