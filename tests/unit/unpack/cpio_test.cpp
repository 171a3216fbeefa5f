#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

std::string gnu_cpio(const ScratchDir& dir, const std::string& variant) {
  REQUIRE(dir.run("cd src && find tree | LC_ALL=C sort | cpio -o -H " + variant + " > ../out.cpio"));
  return dir.read("out.cpio");
}

std::uint16_t word(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

// The big-endian twin of a little-endian binary cpio: header words swapped.
std::string to_big_endian(std::string cpio) {
  std::size_t off = 0;
  while (off + 26 <= cpio.size() && word(cpio, off) == 070707) {
    std::uint16_t namesize = word(cpio, off + 20);
    std::uint32_t filesize = static_cast<std::uint32_t>(word(cpio, off + 22)) << 16 | word(cpio, off + 24);
    for (std::size_t i = 0; i < 26; i += 2) std::swap(cpio[off + i], cpio[off + i + 1]);
    off += 26 + namesize + (namesize & 1);
    off += filesize + (filesize & 1);
  }
  return cpio;
}

TEST_CASE("cpio: extracts newc, crc, odc and binary archives byte-identically") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  for (const char* variant : {"newc", "crc", "odc", "bin"}) {
    CAPTURE(variant);
    Blob blob = Blob::from_string(gnu_cpio(dir, variant));
    auto x = extract_with(format("cpio"), blob);
    REQUIRE(x.extracted);
    CHECK(x.consumed == blob.size());
    CHECK(x.sink.warnings.empty());
    check_tree(x.sink, tree);
    const Member* su = x.sink.find("tree/bin/su");
    REQUIRE(su->entry.offset != unpack::kNoOffset);
    CHECK(su->data.data() == blob.data() + su->entry.offset);
  }
}

TEST_CASE("cpio: reads big-endian binary archives") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string be = to_big_endian(gnu_cpio(dir, "bin"));
  REQUIRE(be.substr(0, 2) == "\x71\xc7");
  check_exact_size(format("cpio"), be);
  auto x = extract_with(format("cpio"), Blob::from_string(be));
  REQUIRE(x.extracted);
  check_tree(x.sink, tree);
}

TEST_CASE("cpio: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  for (const char* variant : {"newc", "crc", "odc", "bin"}) {
    CAPTURE(variant);
    std::string cpio = gnu_cpio(dir, variant);
    CHECK(cpio.size() % 512 == 0);
    check_exact_size(format("cpio"), cpio);
  }
  // Without the block padding the instance ends after the trailer.
  std::string unpadded = write_archive(ARCHIVE_FORMAT_CPIO_SVR4_NOCRC, {{"f", "abc"}});
  check_exact_size(format("cpio"), unpadded);
}

TEST_CASE("cpio: a truncated archive keeps the complete members and warns") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string cpio = gnu_cpio(dir, "newc");
  std::size_t conf_at = cpio.find(std::string(5000, 'z'));
  REQUIRE(conf_at != std::string::npos);
  std::string cut = cpio.substr(0, conf_at + 2500);  // halfway into tree/etc.conf, after tree/bin/su
  auto x = extract_with(format("cpio"), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  REQUIRE(x.sink.find("tree/bin/su") != nullptr);
  CHECK(x.sink.find("tree/bin/su")->text() == noise(70000, 1));
  for (const auto& e : tree) {
    const Member* m = x.sink.find(e.path);
    if (m != nullptr && e.kind == unpack::EntryKind::kFile && m->entry.kind == unpack::EntryKind::kFile) {
      CHECK(e.content.starts_with(m->text()));
    }
  }
}

TEST_CASE("cpio: damaged archives warn without crashing") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  for (const char* variant : {"newc", "odc", "bin"}) {
    std::string cpio = gnu_cpio(dir, variant);
    extract_flipped(format("cpio"), cpio, 64);
  }
  // A broken second header ends the archive there, with a warning.
  std::string cpio = write_archive(ARCHIVE_FORMAT_CPIO_SVR4_NOCRC, {{"one", "1"}, {"two", "2"}});
  cpio[120] = 'x';  // the second header's magic (the first member: 110 + "one\0" + "1", padded)
  auto x = extract_with(format("cpio"), Blob::from_string(cpio));
  REQUIRE(x.extracted);
  CHECK(x.consumed == 120);
  CHECK(x.sink.find("one") != nullptr);
  CHECK(!x.sink.warnings.empty());
}

TEST_CASE("cpio: stray magic in random bytes is not a cpio") {
  for (std::string_view magic : {std::string_view("070701"), std::string_view("070707"), std::string_view("\xc7\x71"),
                                 std::string_view("\x71\xc7")}) {
    for (unsigned seed = 1; seed < 200; ++seed) {
      std::string junk = std::string(magic) + noise(600, seed);
      CHECK_FALSE(format("cpio").probe(as_bytes(std::string_view(junk))).ok());
    }
  }
}

}  // namespace
}  // namespace pedigree::test::archives
