#include <doctest/doctest.h>

#include <filesystem>

#include "scanner/unpack/formats/packed_payload.h"
#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& kernel() {
  const auto* f = unpack::find_format("linux_kernel");
  REQUIRE(f != nullptr);
  return *f;
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (8 * i));
}

/// Compresses a kernel-like payload with a command-line tool ("gzip -9 -n", "xz", …).
std::string packed(const std::string& tool, std::size_t size = 50000) {
  test::ToolDir dir;
  dir.write("vmlinux.bin", test::text_bytes(size, "Linux version 6.1.0 kernel text "));
  REQUIRE(dir.run(tool + " -c vmlinux.bin > out"));
  return dir.read("out");
}

// Stand-in decompressor code with stray magics that are not streams.
std::string decompressor_code() {
  std::string code = test::noise_bytes(3000, 61);
  code.replace(100, 10, std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10));
  code.replace(700, 13, std::string("\x5d\x00\x00\x80\x00\xff\xff\xff\xff\xff\xff\xff\xff", 13));
  code.replace(1500, 4, "BZh9");
  return code;
}

struct ZImage {
  std::string bytes;
  std::size_t piggy_at = 0;
};

ZImage make_zimage(const std::string& piggy) {
  ZImage z;
  z.bytes.assign(0x30, '\0');
  for (std::size_t i = 0; i < 0x24; i += 4) put32(z.bytes, i, 0xe1a00000);  // mov r0, r0
  put32(z.bytes, 0x24, 0x016f2818);
  z.bytes += decompressor_code();
  z.piggy_at = z.bytes.size();
  z.bytes += piggy + std::string("\x50\xc3\x00\x00", 4) + test::noise_bytes(500, 62);
  put32(z.bytes, 0x2c, static_cast<std::uint32_t>(z.bytes.size()));
  return z;
}

TEST_CASE("linux_kernel: a zImage's piggy is found past stray magics and emitted as stored") {
  for (auto [tool, name] : {std::pair{"gzip -9 -n", "vmlinux.gz"}, std::pair{"xz --check=crc32", "vmlinux.xz"},
                            std::pair{"xz --format=lzma", "vmlinux.lzma"}}) {
    CAPTURE(tool);
    ZImage z = make_zimage(packed(tool));
    auto x = test::extract_with(kernel(), Blob::from_string(z.bytes + "\xd0\x0d\xfe\xed appended dtb"));
    REQUIRE(x.extracted);
    CHECK(x.consumed == z.bytes.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == name);
    CHECK(x.sink.members[0].entry.offset == z.piggy_at);
    CHECK(x.sink.members[0].text() == z.bytes.substr(z.piggy_at));
    CHECK(x.sink.warnings.empty());
  }
}

TEST_CASE("linux_kernel: a zImage without a decodable piggy warns") {
  ZImage z = make_zimage(test::noise_bytes(2000, 63));
  auto x = test::extract_with(kernel(), Blob::from_string(z.bytes));
  REQUIRE(x.extracted);
  CHECK(x.sink.members.empty());
  CHECK(x.sink.warnings.size() == 1);
}

/// A bzImage laid out per the x86 boot protocol: 3 setup sectors, then
/// protected-mode code holding the payload.
std::string make_bzimage(const std::string& payload, std::uint16_t protocol = 0x020f) {
  std::string img(4 * 512, '\0');
  img[0x1f1] = 3;
  img[0x1fe] = '\x55';
  img[0x1ff] = '\xaa';
  img.replace(0x202, 4, "HdrS");
  img[0x206] = static_cast<char>(protocol & 0xff);
  img[0x207] = static_cast<char>(protocol >> 8);
  std::string pm = test::noise_bytes(300, 64) + payload + test::noise_bytes(100, 65);
  pm.resize((pm.size() + 15) / 16 * 16, '\0');
  put32(img, 0x1f4, static_cast<std::uint32_t>(pm.size() / 16));
  put32(img, 0x248, 300);
  put32(img, 0x24c, static_cast<std::uint32_t>(payload.size()));
  return img + pm;
}

TEST_CASE("linux_kernel: a bzImage's payload comes out as stored, named by its packing") {
  std::string payload = packed("xz --check=crc32");
  std::string img = make_bzimage(payload);
  auto x = test::extract_with(kernel(), Blob::from_string(img + "after"));
  REQUIRE(x.extracted);
  CHECK(x.consumed == img.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "vmlinux.xz");
  CHECK(x.sink.members[0].entry.offset == 2048 + 300);
  CHECK(x.sink.members[0].text() == payload);
  // Builds that do not pad the file end a few bytes short of syssize * 16.
  CHECK(*kernel().probe(as_bytes(img).first(img.size() - 9)) == img.size() - 9);
}

TEST_CASE("linux_kernel: old boot protocols, payloads outside the image and truncation are rejected") {
  std::string payload = packed("gzip -9 -n");
  CHECK_FALSE(kernel().probe(as_bytes(make_bzimage(payload, 0x0206))).ok());
  std::string outside = make_bzimage(payload);
  put32(outside, 0x24c, 1U << 30);
  CHECK_FALSE(kernel().probe(as_bytes(outside)).ok());
  std::string img = make_bzimage(payload);
  auto cut = kernel().probe(as_bytes(img).first(img.size() / 2));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);
  test::survive_damage(kernel(), img, 7);
  test::survive_damage(kernel(), make_zimage(payload).bytes, 97);
}

TEST_CASE("linux_kernel: an arm64 Image is identified and has no members") {
  std::string img(64, '\0');
  put32(img, 8, 0x80000);    // text_offset
  put32(img, 16, 0x100000);  // image_size, bss included
  put32(img, 24, 0xa);       // flags: 4K pages, little-endian
  img.replace(0x38, 4, "ARM\x64");
  img += test::noise_bytes(5000, 66);
  auto x = test::extract_with(kernel(), Blob::from_string(img));
  REQUIRE(x.extracted);
  CHECK(x.consumed == img.size());
  CHECK(x.sink.members.empty());
  std::string big = img + test::noise_bytes(0x100000, 67);
  CHECK(*kernel().probe(as_bytes(big)) == 0x100000);
  std::string reserved = img;
  reserved[0x20] = 1;
  CHECK_FALSE(kernel().probe(as_bytes(reserved)).ok());
}

TEST_CASE("linux_kernel: stray magics in random bytes are rejected") {
  for (std::size_t at : {0x24, 0x202, 0x38}) {
    std::string noise = test::noise_bytes(4096, static_cast<std::uint32_t>(at));
    noise.replace(at, 4, at == 0x24 ? "\x18\x28\x6f\x01" : at == 0x202 ? "HdrS" : "ARM\x64");
    CHECK_FALSE(kernel().probe(as_bytes(noise)).ok());
  }
}

TEST_CASE("linux_kernel: a real bzImage from /boot, when there is one") {
  std::string path;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/boot", ec)) {
    if (e.path().filename().string().starts_with("vmlinuz-")) path = e.path().string();
  }
  if (path.empty()) {
    MESSAGE("no /boot/vmlinuz-*: skipped");
    return;
  }
  Blob image = test::read_file(path);
  auto x = test::extract_with(kernel(), image);
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(unpack::sniff_packing(x.sink.members[0].data.view()).has_value());
}

}  // namespace
}  // namespace pedigree
