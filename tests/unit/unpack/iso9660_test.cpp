#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

std::string mkisofs(const ScratchDir& dir) {
  REQUIRE(dir.run("rm -f out.iso && xorriso -as mkisofs -R -J -V TESTVOL -o out.iso src"));
  return dir.read("out.iso");
}

TEST_CASE("iso9660: round trip of files, modes, symlinks and hard links (Rock Ridge)") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  Blob blob = Blob::from_string(mkisofs(dir));
  auto x = extract_with(format("iso9660"), blob);
  REQUIRE(x.extracted);
  CHECK(x.consumed == blob.size());
  CHECK(x.sink.warnings.empty());
  check_tree(x.sink, tree);
  const Member* su = x.sink.find("tree/bin/su");
  REQUIRE(su->entry.offset != unpack::kNoOffset);
  CHECK(su->entry.offset % 2048 == 0);
  CHECK(su->data.data() == blob.data() + su->entry.offset);
}

TEST_CASE("iso9660: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  check_exact_size(format("iso9660"), mkisofs(dir), 4096);
}

TEST_CASE("iso9660: a truncated image keeps the files before the cut and warns") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string iso = mkisofs(dir);
  std::size_t last = 0;
  for (const auto& e : tree) {
    if (e.kind != unpack::EntryKind::kFile || e.content.empty()) continue;
    std::size_t at = iso.find(e.content.substr(0, 64));
    REQUIRE(at != std::string::npos);
    last = std::max(last, at);
  }
  std::string cut = iso.substr(0, last + 3);  // into the file stored last
  auto p = format("iso9660").probe(as_bytes(std::string_view(cut)));
  REQUIRE(p.ok());
  CHECK(*p == cut.size());
  auto x = extract_with(format("iso9660"), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  std::size_t complete = 0;
  for (const auto& e : tree) {
    const Member* m = resolve(x.sink, x.sink.find(e.path));
    if (m == nullptr || e.kind != unpack::EntryKind::kFile || e.content.empty()) continue;
    CHECK(e.content.starts_with(m->text()));
    complete += m->text() == e.content ? 1 : 0;
  }
  CHECK(complete >= 2);
}

TEST_CASE("iso9660: damaged descriptors are refused, damaged directories warn") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string iso = mkisofs(dir);
  std::string disagree = iso;
  disagree[0x8000 + 84] ^= 1;  // big-endian copy of the volume space size
  CHECK_FALSE(format("iso9660").probe(as_bytes(std::string_view(disagree))).ok());
  std::string block = iso;
  block[0x8000 + 128] = 0x00;  // logical block size 0x0000 vs 0x0800
  block[0x8000 + 129] = 0x03;
  block[0x8000 + 130] = 0x03;
  block[0x8000 + 131] = 0x00;
  CHECK_FALSE(format("iso9660").probe(as_bytes(std::string_view(block))).ok());
  extract_flipped(format("iso9660"), iso, 64, 0x8000, 0x8000 + 40 * 2048);  // descriptors and directories
}

TEST_CASE("iso9660: stray magic in random bytes is not an image") {
  std::string junk = noise(0x8000 + 2048, 8);
  std::memcpy(&junk[0x8000],
              "\x01"
              "CD001"
              "\x01",
              7);
  CHECK_FALSE(format("iso9660").probe(as_bytes(std::string_view(junk))).ok());
  CHECK_FALSE(format("iso9660").probe(as_bytes(std::string_view(junk).substr(0, 0x8010))).ok());
}

}  // namespace
}  // namespace pedigree::test::archives
