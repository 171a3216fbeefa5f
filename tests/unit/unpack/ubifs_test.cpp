#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "scanner/unpack/formats/ubifs_nodes.h"
#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/flash_fixture.h"

namespace pedigree {
namespace {

const unpack::Format& ubifs() {
  const auto* f = unpack::find_format("ubifs");
  REQUIRE(f != nullptr);
  return *f;
}

constexpr std::size_t kLeb = 126976;
const std::string kBig = test::sample_bytes(200 * 1024, 21);
const std::string kSparse = test::sample_bytes(5000, 22) + std::string(3 * 4096, '\0') + "tail";

/// Writes the tree every fixture is built from.
void make_tree(const test::TempDir& t) {
  t.write("root/etc/init.d/rcS", "#!/bin/sh\nmount -a\n", 0755);
  t.write("root/usr/lib/libbig.so", kBig);
  t.write("root/usr/bin/passwd", "setuid binary", 04755);
  t.write("root/empty", "", 0640);
  t.write("root/sparse", kSparse);
  t.symlink("../lib/libbig.so", "root/usr/bin/link");
  std::filesystem::create_hard_link(t.path("root/etc/init.d/rcS"), t.path("root/rcS.hard"));
  t.write("devtable", "/dev d 755 0 0 - - - - -\n/dev/ttyS0 c 620 0 0 4 64 0 0 -\n");
}

/// The mkfs.ubifs image of the tree with this compressor. Cached in memory;
/// the directory it is built in is gone when this returns.
const std::string& mkfs(const std::string& compr) {
  static std::map<std::string, std::string> images;
  auto it = images.find(compr);
  if (it != images.end()) return it->second;
  test::TempDir t;
  make_tree(t);
  REQUIRE(t.run("mkfs.ubifs -m 2048 -e 126976 -c 256 -D devtable -x " + compr + " -r root -o fs.img"));
  return images[compr] = t.read("fs.img");
}

void check_tree(const test::CollectingSink& s) {
  REQUIRE(s.find("etc/init.d/rcS") != nullptr);
  REQUIRE(s.find("rcS.hard") != nullptr);
  // Two names of one inode: the first one walked is the file, the other a hard link to it.
  const auto* rcs = s.find("rcS.hard");
  CHECK(s.find("etc/init.d/rcS")->entry.kind == unpack::EntryKind::kHardlink);
  CHECK(s.find("etc/init.d/rcS")->entry.link_target == "rcS.hard");
  CHECK(rcs->text() == "#!/bin/sh\nmount -a\n");
  CHECK(rcs->entry.mode == 0755);
  REQUIRE(s.find("usr/lib/libbig.so") != nullptr);
  CHECK(s.find("usr/lib/libbig.so")->text() == kBig);
  REQUIRE(s.find("usr/bin/passwd") != nullptr);
  CHECK(s.find("usr/bin/passwd")->entry.mode == 04755);
  CHECK(s.find("usr/bin/passwd")->text() == "setuid binary");
  REQUIRE(s.find("empty") != nullptr);
  CHECK(s.find("empty")->data.size() == 0);
  CHECK(s.find("empty")->entry.mode == 0640);
  REQUIRE(s.find("sparse") != nullptr);
  CHECK(s.find("sparse")->text() == kSparse);
  REQUIRE(s.find("usr/bin/link") != nullptr);
  CHECK(s.find("usr/bin/link")->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(s.find("usr/bin/link")->entry.link_target == "../lib/libbig.so");
  REQUIRE(s.find("dev/ttyS0") != nullptr);
  CHECK(s.find("dev/ttyS0")->entry.kind == unpack::EntryKind::kSpecial);
  REQUIRE(s.find("usr/lib") != nullptr);
  CHECK(s.find("usr/lib")->entry.kind == unpack::EntryKind::kDir);
}

std::set<int> compressors(const std::string& image) {
  auto sb = unpack::ubifs::read_superblock(as_bytes(image));
  REQUIRE(sb.has_value());
  std::vector<std::string> problems;
  std::set<int> used;
  for (const auto& [key, d] : unpack::ubifs::read_contents(as_bytes(image), *sb, problems).data) used.insert(d.compr);
  return used;
}

/// Builds with the compressor, checks it really appears, and round-trips
/// with trailing data after the image.
void check_compressor(const std::string& compr, int id) {
  const std::string& image = mkfs(compr);
  CHECK(compressors(image).count(id) == 1);
  auto x = test::extract_with(ubifs(), Blob::from_string(image + std::string(kLeb, 'T')));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size());
  CHECK(x.sink.warnings.empty());
  check_tree(x.sink);
}

TEST_CASE("ubifs: lzo volume round-trips, and its size excludes trailing data") {
  check_compressor("lzo", unpack::ubifs::kComprLzo);
}

TEST_CASE("ubifs: zlib (raw deflate) volume round-trips") { check_compressor("zlib", unpack::ubifs::kComprZlib); }

TEST_CASE("ubifs: zstd volume round-trips") { check_compressor("zstd", unpack::ubifs::kComprZstd); }

TEST_CASE("ubifs: uncompressed volume round-trips") { check_compressor("none", unpack::ubifs::kComprNone); }

TEST_CASE("ubifs: the volume ubi extracts from a ubinize image is itself a ubifs") {
  test::TempDir t;
  t.write("fs.img", mkfs("lzo"));
  t.write("blob.bin", kBig);
  t.write("ubi.ini",
          "[rootfs]\nmode=ubi\nimage=fs.img\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\nvol_size=8MiB\n"
          "[blob]\nmode=ubi\nimage=blob.bin\nvol_id=1\nvol_type=static\nvol_name=blob\n");
  REQUIRE(t.run("ubinize -o ubi.img -p 128KiB -m 2048 -s 2048 ubi.ini"));
  const auto* ubi = unpack::find_format("ubi");
  REQUIRE(ubi != nullptr);
  auto outer = test::extract_with(*ubi, test::read_file(t.path("ubi.img")));
  REQUIRE(outer.sink.find("blob.ubivol") != nullptr);
  CHECK(outer.sink.find("blob.ubivol")->text() == kBig);
  const auto* volume = outer.sink.find("rootfs.ubivol");
  REQUIRE(volume != nullptr);
  auto inner = test::extract_with(ubifs(), volume->data);
  REQUIRE(inner.extracted);
  CHECK(inner.sink.warnings.empty());
  check_tree(inner.sink);
}

/// Writes UBIFS nodes by hand (little-endian, CRC over bytes 8..len-1).
std::string node(std::uint64_t sqnum, std::uint8_t type, std::string body) {
  auto le = [](std::uint64_t v, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(v >> (8 * i)));
    return s;
  };
  std::string n = le(unpack::ubifs::kNodeMagic, 4) + le(0, 4) + le(sqnum, 8) + le(24 + body.size(), 4);
  n += static_cast<char>(type);
  n += std::string(3, '\0');
  n += body;
  std::uint32_t c = unpack::ubifs::crc(as_bytes(std::string_view(n).substr(8)));
  n.replace(4, 4, le(c, 4));
  while (n.size() % 8 != 0) n.push_back('\0');
  return n;
}

std::string le_bytes(std::uint64_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(v >> (8 * i)));
  return s;
}

std::string key(std::uint32_t inum, std::uint32_t type, std::uint32_t value) {
  return le_bytes(inum, 4) + le_bytes((type << 29) | value, 4) + std::string(8, '\0');
}

TEST_CASE("ubifs: nodes written after the last commit are replayed from the journal") {
  std::string image = mkfs("none");  // a copy: the test edits it
  REQUIRE(image.size() >= 12 * kLeb);
  std::uint64_t sq = 1000000;
  // A new file "journal.txt" (inode 500) and the deletion of "empty", in a free LEB.
  std::string ino_body = key(500, 0, 0) + le_bytes(0, 8) + le_bytes(5, 8) + std::string(36, '\0') + le_bytes(1, 4) +
                         std::string(8, '\0') + le_bytes(0100600, 4) + std::string(52, '\0');
  std::string bud = node(sq + 1, 0, ino_body);
  bud += node(sq + 2, 1, key(500, 1, 0) + le_bytes(5, 4) + le_bytes(0, 4) + "hello");
  bud += node(sq + 3, 2,
              key(1, 2, 77) + le_bytes(500, 8) + std::string(1, '\0') + '\0' + le_bytes(11, 2) + le_bytes(0, 4) +
                  "journal.txt" + '\0');
  bud += node(sq + 4, 2,
              key(1, 2, 78) + le_bytes(0, 8) + std::string(2, '\0') + le_bytes(5, 2) + le_bytes(0, 4) + "empty" + '\0');
  std::size_t free_leb = 0;
  for (std::size_t lnum = 10; lnum < image.size() / kLeb && free_leb == 0; ++lnum) {
    if (image.find_first_not_of('\xff', lnum * kLeb) >= (lnum + 1) * kLeb) free_leb = lnum;
  }
  REQUIRE(free_leb != 0);
  image.replace(free_leb * kLeb, bud.size(), bud);
  // The log's commit-start node is followed, one I/O unit later, by a reference to that LEB.
  std::string ref = node(sq, 8, le_bytes(free_leb, 4) + le_bytes(0, 4) + le_bytes(1, 4) + std::string(28, '\0'));
  image.replace(3 * kLeb + 2048, ref.size(), ref);
  auto x = test::extract_with(ubifs(), Blob::from_string(image));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("journal.txt") != nullptr);
  CHECK(x.sink.find("journal.txt")->text() == "hello");
  CHECK(x.sink.find("journal.txt")->entry.mode == 0600);
  CHECK(x.sink.find("empty") == nullptr);
  CHECK(x.sink.find("usr/lib/libbig.so") != nullptr);
}

TEST_CASE("ubifs: a damaged index falls back to scanning every LEB") {
  std::string image = mkfs("lzo");
  // Master node: root_lnum @48, root_offs @52. Break the root index node.
  auto le32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<std::uint8_t>(image[at + i])} << (8 * i);
    return v;
  };
  std::size_t root = le32(kLeb + 48) * kLeb + le32(kLeb + 52);
  image[root + 30] = static_cast<char>(image[root + 30] ^ 0x55);
  auto x = test::extract_with(ubifs(), Blob::from_string(image));
  REQUIRE(x.extracted);
  CHECK_FALSE(x.sink.warnings.empty());
  check_tree(x.sink);
}

TEST_CASE("ubifs: truncated and bit-flipped images do not crash") {
  std::string image = mkfs("zlib");
  auto cut = test::extract_with(ubifs(), Blob::from_string(image.substr(0, image.size() - kLeb / 2)));
  CHECK(cut.probed);
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    auto x = test::extract_with(ubifs(), Blob::from_string(test::flip_bits(image, 100, seed)));
    if (x.extracted) CHECK(x.sink.members.size() < 100);
  }
}

TEST_CASE("ubifs: a stray magic in random bytes is rejected") {
  std::string noise = test::sample_bytes(8192, 9);
  noise.replace(0, 4, "\x31\x18\x10\x06");
  CHECK_FALSE(ubifs().probe(as_bytes(noise)).ok());
}

}  // namespace
}  // namespace pedigree
