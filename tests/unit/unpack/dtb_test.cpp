#include "scanner/unpack/formats/dtb.h"

#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& dtb() {
  const auto* f = unpack::find_format("dtb");
  REQUIRE(f != nullptr);
  return *f;
}

std::string compile(std::string_view dts) {
  test::ToolDir dir;
  dir.write("board.dts", dts);
  REQUIRE(dir.run("dtc -I dts -O dtb -o board.dtb board.dts"));
  return dir.read("board.dtb");
}

constexpr std::string_view kArcher = R"(/dts-v1/;
/ { model = "TP-Link Archer C7 v5"; compatible = "tplink,archer-c7-v5", "qca,qca9563";
    #address-cells = <1>; #size-cells = <1>;
    memory@0 { device_type = "memory"; reg = <0 0x8000000>; };
    chosen { bootargs = "console=ttyS0,115200"; }; };
)";

TEST_CASE("dtb: a compiled tree is a leaf of exactly totalsize bytes") {
  std::string blob = compile(kArcher);
  auto x = test::extract_with(dtb(), Blob::from_string(blob + "after the tree"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == blob.size());
  CHECK(x.sink.members.empty());
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("dtb: root compatible strings and model, for chipset fingerprints") {
  std::string blob = compile(kArcher);
  CHECK(unpack::dtb_root_compatible(as_bytes(blob)) == std::vector<std::string>{"tplink,archer-c7-v5", "qca,qca9563"});
  CHECK(unpack::dtb_model(as_bytes(blob)) == "TP-Link Archer C7 v5");
  std::string bare = compile("/dts-v1/;\n/ { node { }; };\n");
  CHECK(unpack::dtb_root_compatible(as_bytes(bare)).empty());
  CHECK(unpack::dtb_model(as_bytes(bare)).empty());
  CHECK(unpack::dtb_root_compatible(as_bytes(std::string_view("not a tree"))).empty());
}

TEST_CASE("dtb: a tree at an odd address is read as well as an aligned one") {
  std::string blob = compile(kArcher);
  std::string shifted = "x" + blob;
  ByteView at_one = as_bytes(shifted).subspan(1);
  auto p = dtb().probe(at_one);
  REQUIRE(p.ok());
  CHECK(*p == blob.size());
  CHECK(unpack::dtb_model(at_one) == "TP-Link Archer C7 v5");
}

TEST_CASE("dtb: wrong versions, impossible sizes, truncation and stray magics are rejected") {
  std::string blob = compile(kArcher);
  std::string old_version = blob;
  old_version[23] = 15;  // version 15 (big-endian u32 at 20)
  CHECK_FALSE(dtb().probe(as_bytes(old_version)).ok());
  auto cut = dtb().probe(as_bytes(blob).first(blob.size() - 1));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);
  std::string bad_struct = blob;
  bad_struct[11] = static_cast<char>(bad_struct[11] + 4);  // structure block offset moved
  CHECK_FALSE(dtb().probe(as_bytes(bad_struct)).ok());
  std::string noise = "\xd0\x0d\xfe\xed" + test::noise_bytes(500, 21);
  CHECK_FALSE(dtb().probe(as_bytes(noise)).ok());
  test::survive_damage(dtb(), blob, 1);
}

}  // namespace
}  // namespace pedigree
