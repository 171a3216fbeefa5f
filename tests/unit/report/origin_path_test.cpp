#include "scanner/report/origin_path.h"

#include <doctest/doctest.h>

namespace pedigree::report {

TEST_CASE("origin_path: an origin chain becomes the path extract writes") {
  CHECK(origin_to_path("image.bin @0x40000 squashfs \xE2\x86\x92 /usr/sbin/dropbear") ==
        "image.bin/0x40000.squashfs/usr/sbin/dropbear");
  CHECK(origin_to_path("image.bin @0x0 uimage \xE2\x86\x92 /kernel.lzma @0x0 lzma \xE2\x86\x92 /kernel") ==
        "image.bin/0x0.uimage/kernel.lzma/0x0.lzma/kernel");
  CHECK(origin_to_path("image.bin") == "image.bin");
  CHECK(origin_to_uri("image.bin @0x0 squashfs \xE2\x86\x92 /a b<script>") ==
        "image.bin/0x0.squashfs/a%20b%3Cscript%3E");
}

}  // namespace pedigree::report
