#include <doctest/doctest.h>

#include "scanner/core/hash.h"
#include "scanner/unpack/registry.h"
#include "tests/support/unpack_helpers.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& uimage() {
  const auto* f = unpack::find_format("uimage");
  REQUIRE(f != nullptr);
  return *f;
}

// mkimage with the usual vendor arguments; `extra` picks type and compression.
std::string mkimage(const test::ToolDir& dir, const std::string& extra, const std::string& data_files) {
  REQUIRE(dir.run("mkimage -A mips -O linux -a 0x80000000 -e 0x80000400 -n 'Linux-6.1' " + extra + " -d " + data_files +
                  " out.uimg"));
  return dir.read("out.uimg");
}

TEST_CASE("uimage: an uncompressed kernel is one member, byte for byte, and the size excludes trailing data") {
  test::ToolDir dir;
  std::string kernel = test::noise_bytes(5000, 1);
  dir.write("k", kernel);
  std::string img = mkimage(dir, "-T kernel -C none", "k");
  REQUIRE(img.size() == 64 + kernel.size());
  auto x = test::extract_with(uimage(), Blob::from_string(img + "JUNKJUNK"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == img.size());
  CHECK(*uimage().probe(as_bytes(img + "JUNK")) == img.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "kernel");
  CHECK(x.sink.members[0].entry.offset == 64);
  CHECK(x.sink.members[0].text() == kernel);
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("uimage: compressed payloads keep their bytes and get the suffix of their compression") {
  test::ToolDir dir;
  std::string kernel = test::text_bytes(20000, "vmlinux");
  dir.write("k", kernel);
  REQUIRE(dir.run("gzip -9 -n -c k > k.gz && xz --format=lzma -c k > k.lzma && bzip2 -c k > k.bz2"));
  for (auto [comp, file, name] : {std::tuple{"gzip", "k.gz", "kernel.gz"}, std::tuple{"lzma", "k.lzma", "kernel.lzma"},
                                  std::tuple{"bzip2", "k.bz2", "kernel.bz2"}}) {
    CAPTURE(comp);
    std::string img = mkimage(dir, std::string("-T kernel -C ") + comp, file);
    auto x = test::extract_with(uimage(), Blob::from_string(img));
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == name);
    CHECK(x.sink.members[0].text() == dir.read(file));
    CHECK(x.sink.warnings.empty());
  }
}

TEST_CASE("uimage: the walker decodes a gzip kernel once, under the uImage") {
  test::ToolDir dir;
  std::string kernel = test::text_bytes(30000, "Linux version 6.1.0 ");
  dir.write("k", kernel);
  REQUIRE(dir.run("gzip -9 -n -c k > k.gz"));
  auto r = test::unpack_bytes(mkimage(dir, "-T kernel -C gzip", "k.gz"), {}, "uImage");
  auto paths = test::member_paths(r);
  bool decoded = std::any_of(paths.begin(), paths.end(), [](const std::string& p) { return p.ends_with("kernel"); });
  CHECK(decoded);
}

TEST_CASE("uimage: multi-file images split into their sub-images; only the first gets the compression suffix") {
  test::ToolDir dir;
  std::string kernel = test::noise_bytes(4001, 2), ramdisk = test::noise_bytes(777, 3), dtb = test::noise_bytes(33, 4);
  dir.write("k.gz", kernel);
  dir.write("r", ramdisk);
  dir.write("d", dtb);
  std::string img = mkimage(dir, "-T multi -C gzip", "k.gz:r:d");
  auto x = test::extract_with(uimage(), Blob::from_string(img + "tail"));
  REQUIRE(x.sink.members.size() == 3);
  CHECK(x.sink.members[0].entry.path == "multi-0.gz");
  CHECK(x.sink.members[0].text() == kernel);
  CHECK(x.sink.members[1].entry.path == "multi-1");
  CHECK(x.sink.members[1].text() == ramdisk);
  CHECK(x.sink.members[2].entry.path == "multi-2");
  CHECK(x.sink.members[2].text() == dtb);
  CHECK(x.consumed == img.size());
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("uimage: a boot script is its text after the size table") {
  test::ToolDir dir;
  dir.write("boot.cmd", "setenv bootargs console=ttyS0\nbootm 0x80000000\n");
  std::string img = mkimage(dir, "-T script -C none", "boot.cmd");
  auto x = test::extract_with(uimage(), Blob::from_string(img));
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "script");
  CHECK(x.sink.members[0].text() == dir.read("boot.cmd"));
}

TEST_CASE("uimage: a header CRC mismatch is not a uImage; a data CRC mismatch is a warning") {
  test::ToolDir dir;
  dir.write("k", test::noise_bytes(3000, 5));
  std::string img = mkimage(dir, "-T kernel -C none", "k");
  std::string bad_header = img;
  bad_header[40] ^= 0x20;  // inside the name
  auto p = uimage().probe(as_bytes(bad_header));
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == Errc::kCorrupt);

  std::string bad_data = img;
  bad_data[64 + 1000] ^= 0x01;
  auto x = test::extract_with(uimage(), Blob::from_string(bad_data));
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == bad_data.substr(64));
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("data CRC mismatch") != std::string::npos);
}

TEST_CASE("uimage: a truncated image keeps its declared size; extract keeps what is there and warns") {
  test::ToolDir dir;
  std::string kernel = test::noise_bytes(3000, 6);
  dir.write("k", kernel);
  std::string img = mkimage(dir, "-T kernel -C none", "k");
  std::string cut = img.substr(0, 2000);
  auto p = uimage().probe(as_bytes(cut));
  REQUIRE(p.ok());
  CHECK(*p == img.size());
  auto x = test::extract_with(uimage(), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(x.consumed == cut.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == kernel.substr(0, 2000 - 64));
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("truncated") != std::string::npos);
}

// A uImage header with a correct header CRC around hand-made multi-file data.
std::string multi_image(const std::string& data) {
  std::string h(64, '\0');
  h.replace(0, 4, "\x27\x05\x19\x56");
  auto put_be = [&h](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) h[at + i] = static_cast<char>(v >> (24 - 8 * i));
  };
  put_be(12, static_cast<std::uint32_t>(data.size()));
  put_be(24, crc32_update(0, as_bytes(data)));
  h[30] = 4;  // multi-file
  put_be(4, crc32_update(0, as_bytes(h)));
  return h + data;
}

TEST_CASE("uimage: a multi-file size table that overruns the data keeps the sub-images before it") {
  std::string first = test::noise_bytes(100, 10);
  std::string table("\0\0\0\x64\xff\xff\xff\0\0\0\0\0", 12);
  auto x = test::extract_with(uimage(), Blob::from_string(multi_image(table + first + "rest")));
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == first);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("sub-image 1") != std::string::npos);
  auto y = test::extract_with(uimage(), Blob::from_string(multi_image(std::string(8, '\x01'))));
  CHECK(y.sink.members.empty());
  CHECK(y.sink.warnings.size() == 1);
}

TEST_CASE("uimage: a stray magic in random bytes is rejected, and damaged images never crash") {
  std::string noise = "\x27\x05\x19\x56" + test::noise_bytes(200, 7);
  CHECK_FALSE(uimage().probe(as_bytes(noise)).ok());
  test::ToolDir dir;
  dir.write("k", test::noise_bytes(600, 8));
  dir.write("r", test::noise_bytes(300, 9));
  test::survive_damage(uimage(), mkimage(dir, "-T multi -C none", "k:r"), 1);
}

}  // namespace
}  // namespace pedigree
