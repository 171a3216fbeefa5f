#include <doctest/doctest.h>

#include "scanner/core/hash.h"
#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/flash_fixture.h"

namespace pedigree {
namespace {

const unpack::Format& ubi() {
  const auto* f = unpack::find_format("ubi");
  REQUIRE(f != nullptr);
  return *f;
}

constexpr std::size_t kPeb = 128 * 1024;
const std::string kKernel = test::sample_bytes(300 * 1024, 11);

constexpr const char* kIni =
    "[rootfs]\nmode=ubi\nimage=fs.ubifs\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\nvol_size=4MiB\n"
    "[kernel]\nmode=ubi\nimage=kernel.bin\nvol_id=1\nvol_type=static\nvol_name=kernel\n";

/// A UBI image with a UBIFS volume ("rootfs") and a static raw volume ("kernel"),
/// built once per run and kept in memory.
struct UbiFixture {
  std::string image;
  std::string ubifs;

  UbiFixture() {
    test::TempDir dir;  // gone once the images are read
    dir.write("root/etc/hostname", "router\n");
    dir.write("root/bin/app", test::sample_bytes(50000, 12), 0755);
    dir.write("kernel.bin", kKernel);
    dir.write("ubi.ini", kIni);
    REQUIRE(dir.run("mkfs.ubifs -m 2048 -e 126976 -c 64 -r root -o fs.ubifs"));
    REQUIRE(dir.run("ubinize -o ubi.img -p 128KiB -m 2048 -s 2048 -Q 7 ubi.ini"));
    image = dir.read("ubi.img");
    ubifs = dir.read("fs.ubifs");
  }

  static const UbiFixture& get() {
    static const UbiFixture kFixture;
    return kFixture;
  }
};

void check_volumes(const test::CollectingSink& s, const UbiFixture& f) {
  REQUIRE(s.members.size() == 2);
  const auto* rootfs = s.find("rootfs.ubivol");
  REQUIRE(rootfs != nullptr);
  CHECK(rootfs->text() == f.ubifs);
  const auto* kernel = s.find("kernel.ubivol");
  REQUIRE(kernel != nullptr);
  CHECK(kernel->text() == kKernel);
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t{static_cast<std::uint8_t>(s[at])} << 24) |
         (std::uint32_t{static_cast<std::uint8_t>(s[at + 1])} << 16) |
         (std::uint32_t{static_cast<std::uint8_t>(s[at + 2])} << 8) | static_cast<std::uint8_t>(s[at + 3]);
}

void put_be32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

std::uint32_t ubi_crc(std::string_view s) { return ~crc32_update(0, as_bytes(s)); }

TEST_CASE("ubi: extracts a dynamic and a static volume and reports the image size") {
  const UbiFixture& f = UbiFixture::get();
  auto x = test::extract_with(ubi(), Blob::from_string(f.image + "TRAILING"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == f.image.size());
  CHECK(x.sink.warnings.empty());
  check_volumes(x.sink, f);
}

TEST_CASE("ubi: finds other eraseblock sizes") {
  test::TempDir t;
  t.write("kernel.bin", kKernel);
  t.write("ubi.ini", "[kernel]\nmode=ubi\nimage=kernel.bin\nvol_id=3\nvol_type=static\nvol_name=k\n");
  REQUIRE(t.run("ubinize -o ubi.img -p 256KiB -m 4096 ubi.ini"));
  std::string image = t.read("ubi.img");
  auto x = test::extract_with(ubi(), Blob::from_string(image));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size());
  REQUIRE(x.sink.find("k.ubivol") != nullptr);
  CHECK(x.sink.find("k.ubivol")->text() == kKernel);
}

TEST_CASE("ubi: the copy of a LEB with the higher sequence number wins") {
  const UbiFixture& f = UbiFixture::get();
  // Append a newer copy of the kernel volume's LEB 0 with changed contents.
  std::string image = f.image;
  std::size_t peb = 0;
  for (std::size_t at = 0; at < image.size(); at += kPeb) {
    if (be32(image, at + 2048 + 8) == 1 && be32(image, at + 2048 + 12) == 0) peb = at;
  }
  REQUIRE(peb != 0);
  std::string copy = image.substr(peb, kPeb);
  std::uint32_t data_size = be32(copy, 2048 + 20);
  copy.replace(4096, 5, "NEWER");
  put_be32(copy, 2048 + 32, ubi_crc(std::string_view(copy).substr(4096, data_size)));
  put_be32(copy, 2048 + 44, 9);  // sqnum (low half)
  put_be32(copy, 2048 + 60, ubi_crc(std::string_view(copy).substr(2048, 60)));
  auto x = test::extract_with(ubi(), Blob::from_string(image + copy));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size() + kPeb);
  REQUIRE(x.sink.find("kernel.ubivol") != nullptr);
  std::string expect = kKernel;
  expect.replace(0, 5, "NEWER");
  CHECK(x.sink.find("kernel.ubivol")->text() == expect);
}

TEST_CASE("ubi: a damaged erase-counter header loses nothing when the volume header is intact") {
  const UbiFixture& f = UbiFixture::get();
  std::string image = f.image;
  image[3 * kPeb + 9] = static_cast<char>(image[3 * kPeb + 9] ^ 0x10);  // erase counter of PEB 3
  auto x = test::extract_with(ubi(), Blob::from_string(image));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size());
  CHECK_FALSE(x.sink.warnings.empty());
  check_volumes(x.sink, f);
}

TEST_CASE("ubi: a far-away LEB of a dynamic volume stops at the ratio limit") {
  const UbiFixture& f = UbiFixture::get();
  std::string image = f.image;
  // Let volume 0 reserve a million PEBs (both table copies) and move its last LEB far out.
  for (std::size_t copy : {0, 1}) {
    std::size_t rec = copy * kPeb + 4096;
    put_be32(image, rec, 1000000);
    put_be32(image, rec + 168, ubi_crc(std::string_view(image).substr(rec, 168)));
  }
  std::size_t last = 0;
  for (std::size_t at = 2 * kPeb; at < image.size(); at += kPeb) {
    if (be32(image, at + 2048 + 8) == 0) last = at;
  }
  REQUIRE(last != 0);
  put_be32(image, last + 2048 + 12, 900000);
  put_be32(image, last + 2048 + 60, ubi_crc(std::string_view(image).substr(last + 2048, 60)));
  test::CollectingSink sink;
  sink.budget_.max_ratio = 2;
  sink.budget_.ratio_floor_bytes = 1 << 20;
  auto x = test::extract_with(ubi(), Blob::from_string(image), sink);
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("rootfs.ubivol") != nullptr);
  CHECK(x.sink.find("rootfs.ubivol")->data.size() <= 2 * image.size());
  CHECK_FALSE(x.sink.warnings.empty());
}

TEST_CASE("ubi: truncated and bit-flipped images do not crash") {
  const UbiFixture& f = UbiFixture::get();
  auto cut = test::extract_with(ubi(), Blob::from_string(f.image.substr(0, f.image.size() - kPeb - 1000)));
  REQUIRE(cut.extracted);
  CHECK_FALSE(cut.sink.warnings.empty());
  CHECK(cut.sink.find("rootfs.ubivol") != nullptr);
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    auto x = test::extract_with(ubi(), Blob::from_string(test::flip_bits(f.image, 100, seed)));
    if (x.extracted) CHECK(x.sink.members.size() <= 3);
  }
}

TEST_CASE("ubi: a stray magic or a lone header is rejected") {
  std::string noise = test::sample_bytes(1 << 18, 5);
  noise.replace(0, 4, "UBI#");
  CHECK_FALSE(ubi().probe(as_bytes(noise)).ok());
  const UbiFixture& f = UbiFixture::get();
  CHECK_FALSE(ubi().probe(as_bytes(f.image.substr(0, kPeb) + noise)).ok());
}

}  // namespace
}  // namespace pedigree
