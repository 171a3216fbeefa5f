#include <ctime>

#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

std::string gnu_tar(const ScratchDir& dir, const std::string& format) {
  REQUIRE(dir.run("cd src && tar --format=" + format + " -cf ../out.tar tree"));
  return dir.read("out.tar");
}

// Rewrites the size field of the header at `off` in base-256 and fixes the checksum.
void to_base256_size(std::string& tar, std::size_t off, std::uint64_t size) {
  tar[off + 124] = static_cast<char>(0x80);
  for (int i = 11; i >= 1; --i, size >>= 8) tar[off + 124 + i] = static_cast<char>(size & 0xff);
  for (int i = 0; i < 8; ++i) tar[off + 148 + i] = ' ';
  unsigned sum = 0;
  for (int i = 0; i < 512; ++i) sum += static_cast<unsigned char>(tar[off + i]);
  char field[8];
  std::snprintf(field, sizeof field, "%06o", sum);
  std::memcpy(&tar[off + 148], field, 7);
}

TEST_CASE("tar: extracts files, modes, symlinks and hard links byte-identically (gnu, ustar, pax)") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  for (const char* fmt : {"gnu", "ustar", "posix"}) {
    CAPTURE(fmt);
    Blob blob = Blob::from_string(gnu_tar(dir, fmt));
    auto x = extract_with(format("tar"), blob);
    REQUIRE(x.extracted);
    CHECK(x.sink.warnings.empty());
    check_tree(x.sink, tree);
    const Member* hl = x.sink.find("tree/hl.txt");
    const Member* a = x.sink.find("tree/a.txt");
    CHECK((hl->entry.kind == unpack::EntryKind::kHardlink) != (a->entry.kind == unpack::EntryKind::kHardlink));
    // Stored members are views into the archive, not copies.
    const Member* su = x.sink.find("tree/bin/su");
    REQUIRE(su->entry.offset != unpack::kNoOffset);
    CHECK(su->data.data() == blob.data() + su->entry.offset);
  }
}

TEST_CASE("tar: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string tar = gnu_tar(dir, "gnu");
  CHECK(tar.size() % 10240 == 0);
  check_exact_size(format("tar"), tar);
  // Without the record padding the instance ends after the two zero blocks.
  std::string libarchive_tar = write_archive(ARCHIVE_FORMAT_TAR_USTAR, {{"f", "abc"}});
  check_exact_size(format("tar"), libarchive_tar);
}

TEST_CASE("tar: long names and base-256 sizes") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  std::string long_name = "tree/" + std::string(150, 'n') + "/" + std::string(120, 'f');
  dir.write("src/" + long_name, "long");
  for (const char* fmt : {"gnu", "posix"}) {
    std::string tar = gnu_tar(dir, fmt);
    check_exact_size(format("tar"), tar);
    auto x = extract_with(format("tar"), Blob::from_string(tar));
    REQUIRE(x.sink.find(long_name) != nullptr);
    CHECK(x.sink.find(long_name)->text() == "long");
  }
  std::string tar = write_archive(ARCHIVE_FORMAT_TAR_GNUTAR, {{"big", std::string(1000, 'b')}, {"next", "n"}});
  to_base256_size(tar, 0, 1000);
  check_exact_size(format("tar"), tar);
  auto x = extract_with(format("tar"), Blob::from_string(tar));
  REQUIRE(x.sink.find("big") != nullptr);
  CHECK(x.sink.find("big")->text() == std::string(1000, 'b'));
  CHECK(x.sink.find("next") != nullptr);
}

TEST_CASE("tar: a truncated archive keeps the complete members and warns") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string tar = gnu_tar(dir, "gnu");
  std::string cut = tar.substr(0, tar.size() / 2);
  REQUIRE(format("tar").probe(as_bytes(std::string_view(cut))).ok());
  auto x = extract_with(format("tar"), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  CHECK(x.consumed == cut.size());
  std::size_t complete = 0;
  for (const auto& e : tree) {
    const Member* m = x.sink.find(e.path);
    if (m == nullptr || e.kind != unpack::EntryKind::kFile || m->entry.kind != unpack::EntryKind::kFile) continue;
    CHECK(e.content.starts_with(m->text()));  // a cut member keeps its first bytes
    complete += m->text() == e.content ? 1 : 0;
  }
  CHECK(complete >= 1);
}

TEST_CASE("tar: a corrupted header checksum is rejected, later damage only warns") {
  std::string tar = write_archive(ARCHIVE_FORMAT_TAR_USTAR, {{"one", "1"}, {"two", "2"}, {"three", "3"}});
  std::string bad = tar;
  bad[10] ^= 0x20;  // inside the first name
  auto p = format("tar").probe(as_bytes(std::string_view(bad)));
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == Errc::kCorrupt);

  std::string later = tar;
  later[1024 + 3] ^= 0x20;  // the second member's header
  auto x = extract_with(format("tar"), Blob::from_string(later));
  REQUIRE(x.extracted);
  CHECK(x.consumed == 1024);
  CHECK(x.sink.find("one") != nullptr);
  CHECK(!x.sink.warnings.empty());

  // Flipping bytes all over must not crash anything.
  extract_flipped(format("tar"), tar, 64);
}

TEST_CASE("tar: stray magic in random bytes is not a tar") {
  std::string junk = noise(2048, 5);
  std::memcpy(&junk[257],
              "ustar\0"
              "00",
              8);
  CHECK_FALSE(format("tar").probe(as_bytes(std::string_view(junk))).ok());
  CHECK_FALSE(format("tar").probe(as_bytes(std::string_view(junk.substr(0, 300)))).ok());
}

TEST_CASE("tar: hostile names and link targets arrive as stored") {
  std::string tar =
      write_archive(ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, {{"../evil", "up"},
                                                        {"/etc/abs", "abs"},
                                                        {"passwd", "/etc/passwd", unpack::EntryKind::kSymlink, 0777},
                                                        {"dir/../../x", "x"}});
  auto x = extract_with(format("tar"), Blob::from_string(tar));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("../evil") != nullptr);
  CHECK(x.sink.find("../evil")->text() == "up");
  REQUIRE(x.sink.find("/etc/abs") != nullptr);
  CHECK(x.sink.find("/etc/abs")->text() == "abs");
  REQUIRE(x.sink.find("passwd") != nullptr);
  CHECK(x.sink.find("passwd")->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(x.sink.find("passwd")->entry.link_target == "/etc/passwd");
  CHECK(x.sink.find("dir/../../x") != nullptr);
}

TEST_CASE("tar: twenty thousand small files") {
  std::vector<WriteEntry> entries;
  entries.reserve(20000);
  for (int i = 0; i < 20000; ++i)
    entries.push_back({"d" + std::to_string(i % 50) + "/f" + std::to_string(i), std::to_string(i)});
  std::string tar = write_archive(ARCHIVE_FORMAT_TAR_USTAR, entries);
  // Processor time, not wall time: the machine may be busy with other work.
  std::clock_t start = std::clock();
  auto x = extract_with(format("tar"), Blob::from_string(tar));
  double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  MESSAGE("20000-member tar probed and extracted in " << seconds << " s of processor time");
  REQUIRE(x.extracted);
  CHECK(x.consumed == tar.size());
  REQUIRE(x.sink.members.size() == 20000);
  CHECK(x.sink.members[12345].entry.path == "d45/f12345");
  CHECK(x.sink.members[12345].text() == "12345");
}

TEST_CASE("tar: the budget and the sink's stop are obeyed") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string tar = gnu_tar(dir, "gnu");
  CollectingSink small;
  small.budget_.max_bytes = 1000;
  auto x = extract_with(format("tar"), Blob::from_string(tar), small);
  REQUIRE(x.sink.find("tree/bin/su") != nullptr);
  CHECK(x.sink.find("tree/bin/su")->data.size() == 1000);
  CHECK(!x.sink.warnings.empty());

  CollectingSink few;
  few.max_members = 2;
  auto y = extract_with(format("tar"), Blob::from_string(tar), few);
  CHECK(y.sink.members.size() == 2);
}

}  // namespace
}  // namespace pedigree::test::archives
