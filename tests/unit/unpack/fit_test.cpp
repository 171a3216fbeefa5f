#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& fit() {
  const auto* f = unpack::find_format("fit");
  REQUIRE(f != nullptr);
  return *f;
}

constexpr std::string_view kBoardDts = R"(/dts-v1/;
/ { model = "Test Board"; compatible = "acme,board", "acme,soc";
    #address-cells = <1>; #size-cells = <1>;
    memory@0 { device_type = "memory"; reg = <0 0x8000000>; }; };
)";

constexpr std::string_view kIts = R"(/dts-v1/;
/ {
  description = "test FIT";
  #address-cells = <1>;
  images {
    kernel-1 { description = "Linux"; data = /incbin/("k.gz"); type = "kernel"; arch = "arm"; os = "linux";
      compression = "gzip"; load = <0x80008000>; entry = <0x80008000>;
      hash-1 { algo = "crc32"; }; hash-2 { algo = "sha1"; }; };
    fdt-1 { data = /incbin/("board.dtb"); type = "flat_dt"; arch = "arm"; compression = "none";
      hash-1 { algo = "sha256"; }; };
    ramdisk-1 { data = /incbin/("rd"); type = "ramdisk"; arch = "arm"; os = "linux"; compression = "none";
      hash-1 { algo = "crc32"; }; };
  };
  configurations { default = "conf-1"; conf-1 { kernel = "kernel-1"; fdt = "fdt-1"; ramdisk = "ramdisk-1"; }; };
};
)";

/// Builds the three-image FIT with mkimage; `flags` adds -E (external data) or -p.
struct FitFixture {
  test::ToolDir dir;
  FitFixture() {
    dir.write("k", test::text_bytes(40000, "vmlinux"));
    dir.write("rd", test::noise_bytes(3001, 11));
    dir.write("board.dts", kBoardDts);
    dir.write("image.its", kIts);
    REQUIRE(dir.run("gzip -9 -n -c k > k.gz && dtc -I dts -O dtb -o board.dtb board.dts"));
  }
  std::string build(const std::string& flags) const {
    REQUIRE(dir.run("mkimage " + flags + " -f image.its out.itb"));
    return dir.read("out.itb");
  }
};

void check_members(const test::Extracted& x, const test::ToolDir& dir) {
  REQUIRE(x.sink.members.size() == 3);
  CHECK(x.sink.members[0].entry.path == "kernel-1.gz");
  CHECK(x.sink.members[0].text() == dir.read("k.gz"));
  CHECK(x.sink.members[1].entry.path == "fdt-1");
  CHECK(x.sink.members[1].text() == dir.read("board.dtb"));
  CHECK(x.sink.members[2].entry.path == "ramdisk-1");
  CHECK(x.sink.members[2].text() == dir.read("rd"));
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("fit: embedded images come out byte for byte, named after their nodes, with hashes checked") {
  FitFixture fx;
  std::string itb = fx.build("");
  auto x = test::extract_with(fit(), Blob::from_string(itb + "TRAILER!"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == itb.size());
  check_members(x, fx.dir);
  // The member offsets point at the bytes inside the FIT.
  const auto& k = x.sink.members[0];
  CHECK(itb.substr(k.entry.offset, k.data.size()) == k.text());
}

TEST_CASE("fit: external data (mkimage -E and -p) counts in the size and is extracted") {
  FitFixture fx;
  for (const char* flags : {"-E", "-E -p 0x2000"}) {
    CAPTURE(flags);
    std::string itb = fx.build(flags);
    auto p = fit().probe(as_bytes(itb + std::string(100, '\xff')));
    REQUIRE(p.ok());
    CHECK(*p == itb.size());
    auto x = test::extract_with(fit(), Blob::from_string(itb + std::string(100, '\xff')));
    CHECK(x.consumed == itb.size());
    check_members(x, fx.dir);
  }
}

TEST_CASE("fit: a changed image byte fails its crc32 and sha1 hashes with a warning each") {
  FitFixture fx;
  std::string itb = fx.build("");
  auto clean = test::extract_with(fit(), Blob::from_string(itb));
  REQUIRE(clean.sink.members.size() == 3);
  std::uint64_t at = clean.sink.members[0].entry.offset + 100;
  itb[at] = static_cast<char>(itb[at] ^ 0x40);
  auto x = test::extract_with(fit(), Blob::from_string(itb));
  REQUIRE(x.sink.members.size() == 3);
  REQUIRE(x.sink.warnings.size() == 2);
  CHECK(x.sink.warnings[0].find("kernel-1: crc32 hash mismatch") != std::string::npos);
  CHECK(x.sink.warnings[1].find("kernel-1: sha1 hash mismatch") != std::string::npos);
}

TEST_CASE("fit: a plain device tree is not a FIT, and a FIT is not a plain DTB") {
  FitFixture fx;
  CHECK_FALSE(fit().probe(as_bytes(fx.dir.read("board.dtb"))).ok());
  const auto* dtb = unpack::find_format("dtb");
  REQUIRE(dtb != nullptr);
  CHECK_FALSE(dtb->probe(as_bytes(fx.build(""))).ok());
}

TEST_CASE("fit: truncated external data keeps the declared size; extract warns about the missing image") {
  FitFixture fx;
  std::string itb = fx.build("-E");
  std::string cut = itb.substr(0, itb.size() - 100);
  auto p = fit().probe(as_bytes(cut));
  REQUIRE(p.ok());
  CHECK(*p > cut.size());
  auto x = test::extract_with(fit(), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(x.sink.members.size() == 2);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("ramdisk-1") != std::string::npos);
  // A tree cut short is no tree at all.
  CHECK_FALSE(fit().probe(as_bytes(itb).first(1000)).ok());
}

TEST_CASE("fit: stray magics and damaged trees are rejected or survived") {
  std::string noise = "\xd0\x0d\xfe\xed" + test::noise_bytes(300, 12);
  CHECK_FALSE(fit().probe(as_bytes(noise)).ok());
  FitFixture fx;
  test::survive_damage(fit(), fx.build("-E"), 11);
  test::survive_damage(fit(), fx.build(""), 23);
}

}  // namespace
}  // namespace pedigree
