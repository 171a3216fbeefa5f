#include "scanner/unpack/formats/libarchive_reader.h"

#include <chrono>

#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

using unpack::ArchiveReader;
using unpack::EntryKind;

// Position of the member with this path in emission order.
std::size_t index_of(const CollectingSink& sink, const std::string& path) {
  for (std::size_t i = 0; i < sink.members.size(); ++i) {
    if (sink.members[i].entry.path == path) return i;
  }
  return SIZE_MAX;
}

bool warned(const CollectingSink& sink, std::string_view text) {
  for (const auto& w : sink.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("libarchive_reader: hard links point at an earlier member that holds the data") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  dir.write("src/x", "shared bytes");
  dir.write("src/e1", "");
  REQUIRE(dir.run("cd src && ln x y && ln x z && ln e1 e2"));
  // newc stores a link set's data with its last name only.
  for (const char* variant : {"newc", "odc", "bin"}) {
    CAPTURE(variant);
    REQUIRE(dir.run(std::string("cd src && printf 'e1\\ne2\\nx\\ny\\nz\\n' | cpio -o -H ") + variant + " > ../l.cpio"));
    CollectingSink sink;
    auto r = unpack::read_with_libarchive(Blob::from_string(dir.read("l.cpio")),
                                          {"cpio", ArchiveReader::kCpio, nullptr}, sink);
    REQUIRE(r.ok());
    CHECK(r->reached_end);
    CHECK(r->members == 5);
    CHECK(sink.warnings.empty());
    std::size_t holders = 0;
    for (const char* name : {"x", "y", "z"}) {
      const Member* m = sink.find(name);
      REQUIRE(m != nullptr);
      if (m->entry.kind == EntryKind::kFile) {
        ++holders;
        CHECK(m->text() == "shared bytes");
        continue;
      }
      REQUIRE(m->entry.kind == EntryKind::kHardlink);
      CHECK(index_of(sink, m->entry.link_target) < index_of(sink, name));
      REQUIRE(resolve(sink, m) != nullptr);
      CHECK(resolve(sink, m)->text() == "shared bytes");
    }
    CHECK(holders == 1);
    const Member* e1 = sink.find("e1");
    const Member* e2 = sink.find("e2");
    REQUIRE((e1 != nullptr && e2 != nullptr));
    CHECK(((e1->entry.kind == EntryKind::kFile) != (e2->entry.kind == EntryKind::kFile)));
  }
}

TEST_CASE("libarchive_reader: sparse members are filled with zeros") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  REQUIRE(
      dir.run("truncate -s 300000 holes && printf middle | dd of=holes bs=1 seek=150000 conv=notrunc && "
              "printf end | dd of=holes bs=1 seek=299997 conv=notrunc && tar --sparse -cf s.tar holes"));
  std::string expected = dir.read("holes");
  REQUIRE(expected.size() == 300000);
  std::string tar = dir.read("s.tar");
  CHECK(tar.size() < expected.size());
  auto x = extract_with(format("tar"), Blob::from_string(tar));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("holes") != nullptr);
  CHECK(x.sink.find("holes")->text() == expected);
  CHECK(x.sink.find("holes")->entry.offset == unpack::kNoOffset);
}

TEST_CASE("libarchive_reader: decompressed members obey the size, ratio and time budget") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  dir.write("zeros", std::string(8 << 20, '\0'));
  REQUIRE(dir.run("zip -q -9 z.zip zeros"));
  Blob zip = Blob::from_string(dir.read("z.zip"));
  unpack::LibarchiveOptions options{"zip", ArchiveReader::kZip, nullptr};

  CollectingSink size_limited;
  size_limited.budget_.max_bytes = 1 << 20;
  REQUIRE(unpack::read_with_libarchive(zip, options, size_limited).ok());
  REQUIRE(size_limited.find("zeros") != nullptr);
  CHECK(size_limited.find("zeros")->data.size() == (1 << 20));
  CHECK(warned(size_limited, "output size limit"));

  CollectingSink ratio_limited;
  ratio_limited.budget_.max_ratio = 100;
  REQUIRE(unpack::read_with_libarchive(zip, options, ratio_limited).ok());
  REQUIRE(ratio_limited.find("zeros") != nullptr);
  CHECK(ratio_limited.find("zeros")->data.size() < (8 << 20));
  CHECK(warned(ratio_limited, "compression ratio limit"));

  CollectingSink late;
  late.budget_.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  REQUIRE(unpack::read_with_libarchive(zip, options, late).ok());
  CHECK(warned(late, "time limit"));
}

TEST_CASE("libarchive_reader: non-ASCII names arrive as UTF-8") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  const std::string name = "caf\xc3\xa9/na\xc3\xafve.txt";
  dir.write("src/" + name, "utf8");
  REQUIRE(dir.run("cd src && zip -q -r ../u.zip . && 7z a ../u.7z . && tar --format=posix -cf ../u.tar ."));
  for (auto [file, fmt] : {std::pair{"u.zip", "zip"}, std::pair{"u.7z", "7z"}, std::pair{"u.tar", "tar"}}) {
    CAPTURE(fmt);
    auto x = extract_with(format(fmt), Blob::from_string(dir.read(file)));
    REQUIRE(x.extracted);
    const Member* m = x.sink.find(name);
    if (m == nullptr) m = x.sink.find("./" + name);
    REQUIRE(m != nullptr);
    CHECK(m->text() == "utf8");
    CHECK(x.sink.warnings.empty());
  }
}

TEST_CASE("libarchive_reader: unreadable input is an error, and only the one reader is enabled") {
  CollectingSink sink;
  auto garbage =
      unpack::read_with_libarchive(Blob::from_string(noise(4096, 2)), {"tar", ArchiveReader::kTar, nullptr}, sink);
  CHECK_FALSE(garbage.ok());
  auto empty = unpack::read_with_libarchive(Blob(), {"tar", ArchiveReader::kTar, nullptr}, sink);
  CHECK_FALSE(empty.ok());
  // A valid cpio is not read by the tar reader.
  std::string cpio = write_archive(ARCHIVE_FORMAT_CPIO_SVR4_NOCRC, {{"f", "abc"}});
  CHECK_FALSE(unpack::read_with_libarchive(Blob::from_string(cpio), {"tar", ArchiveReader::kTar, nullptr}, sink).ok());
  CHECK(unpack::read_with_libarchive(Blob::from_string(cpio), {"cpio", ArchiveReader::kCpio, nullptr}, sink).ok());
  CHECK(sink.members.size() == 1);
}

}  // namespace
}  // namespace pedigree::test::archives
