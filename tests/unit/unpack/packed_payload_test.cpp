#include "scanner/unpack/formats/packed_payload.h"

#include <doctest/doctest.h>

#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

using unpack::Packing;

TEST_CASE("packed_payload: tool output is recognised by its leading bytes and decodes on trial") {
  test::ToolDir dir;
  dir.write("data", test::text_bytes(20000, "payload"));
  REQUIRE(
      dir.run("gzip -n -c data > d.gz && xz -c data > d.xz && xz --format=lzma -c data > d.lzma && "
              "bzip2 -c data > d.bz2 && echo data | cpio -o -H newc > d.cpio"));
  for (auto [file, packing, suffix] :
       {std::tuple{"d.gz", Packing::kGzip, ".gz"}, std::tuple{"d.xz", Packing::kXz, ".xz"},
        std::tuple{"d.lzma", Packing::kLzma, ".lzma"}, std::tuple{"d.bz2", Packing::kBzip2, ".bz2"},
        std::tuple{"d.cpio", Packing::kCpio, ".cpio"}}) {
    CAPTURE(file);
    std::string bytes = dir.read(file);
    auto sniffed = unpack::sniff_packing(as_bytes(bytes));
    REQUIRE(sniffed.has_value());
    CHECK(*sniffed == packing);
    CHECK(unpack::packing_suffix(packing) == suffix);
    CHECK(unpack::packing_decodes(packing, as_bytes(bytes)));
  }
}

TEST_CASE("packed_payload: stray magics neither sniff as LZMA nor pass a trial decode") {
  std::string noise = test::noise_bytes(5000, 71);
  noise.replace(0, 13,
                std::string("\x5d\x01\x00\x01\x00\xff\xff\xff\xff\xff\xff\xff\xff",
                            13));  // dictionary 65537: no encoder writes that
  CHECK_FALSE(unpack::sniff_packing(as_bytes(noise)).has_value());
  noise.replace(0, 3, "\x1f\x8b\x08");
  noise[3] = 0;
  REQUIRE(unpack::sniff_packing(as_bytes(noise)) == Packing::kGzip);
  CHECK_FALSE(unpack::packing_decodes(Packing::kGzip, as_bytes(noise)));
  CHECK_FALSE(
      unpack::packing_decodes(Packing::kLz4Legacy, as_bytes(std::string_view("\x02\x21\x4c\x18\xff\xff\xff\xff"))));
}

TEST_CASE("packed_payload: U-Boot compression names") {
  CHECK(unpack::packing_from_uboot_name("gzip") == Packing::kGzip);
  CHECK(unpack::packing_from_uboot_name("lzo") == Packing::kLzop);
  CHECK(unpack::packing_from_uboot_name("lz4") == Packing::kLz4Frame);
  CHECK(unpack::packing_from_uboot_name("zstd") == Packing::kZstd);
  CHECK_FALSE(unpack::packing_from_uboot_name("none").has_value());
  CHECK_FALSE(unpack::packing_from_uboot_name("").has_value());
}

}  // namespace
}  // namespace pedigree
