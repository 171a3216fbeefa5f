#include <doctest/doctest.h>
#include <lzma.h>

#include <filesystem>
#include <map>
#include <set>

#include "scanner/unpack/formats/jffs2_compr.h"
#include "scanner/unpack/formats/jffs2_scan.h"
#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/flash_fixture.h"

namespace pedigree {
namespace {

const unpack::Format& jffs2() {
  const auto* f = unpack::find_format("jffs2");
  REQUIRE(f != nullptr);
  return *f;
}

const std::string kBusybox = test::sample_bytes(300 * 1024, 1);
const std::string kSu = test::sample_bytes(5000, 2);
constexpr const char* kPasswd = "root:x:0:0:root:/root:/bin/sh\n";
constexpr const char* kDevTable = "/dev d 755 0 0 - - - - -\n/dev/console c 600 0 0 5 1 0 0 -\n";

/// Writes the tree every mkfs.jffs2 fixture is built from.
void make_tree(const test::TempDir& t) {
  t.write("root/etc/passwd", kPasswd);
  std::filesystem::create_hard_link(t.path("root/etc/passwd"), t.path("root/etc/passwd.hard"));
  t.write("root/bin/busybox", kBusybox, 0755);
  t.write("root/sbin/su", kSu, 04755);
  t.write("root/empty", "", 0600);
  t.write("root/a/b/c/deep.txt", "deep\n");
  t.mkdir("root/a/b", 0700);
  t.symlink("bin/busybox", "root/sh");
  t.write("devtable", kDevTable);
}

/// The image mkfs.jffs2 builds from the tree with these options. Cached in
/// memory; the directory it is built in is gone when this returns.
const std::string& mkfs(const std::string& options) {
  static std::map<std::string, std::string> images;
  auto it = images.find(options);
  if (it != images.end()) return it->second;
  test::TempDir t;
  make_tree(t);
  REQUIRE(t.run("mkfs.jffs2 -r root -D devtable -o out.img " + options));
  return images[options] = t.read("out.img");
}

void check_tree(const test::CollectingSink& s) {
  const auto* passwd = s.find("etc/passwd");
  REQUIRE(passwd != nullptr);
  CHECK(passwd->text() == kPasswd);
  const auto* hard = s.find("etc/passwd.hard");
  REQUIRE(hard != nullptr);
  bool one_is_link =
      hard->entry.kind == unpack::EntryKind::kHardlink || passwd->entry.kind == unpack::EntryKind::kHardlink;
  CHECK(one_is_link);
  const auto* busybox = s.find("bin/busybox");
  REQUIRE(busybox != nullptr);
  CHECK(busybox->text() == kBusybox);
  CHECK(busybox->entry.mode == 0755);
  const auto* su = s.find("sbin/su");
  REQUIRE(su != nullptr);
  CHECK(su->text() == kSu);
  CHECK(su->entry.mode == 04755);
  REQUIRE(s.find("empty") != nullptr);
  CHECK(s.find("empty")->data.size() == 0);
  CHECK(s.find("empty")->entry.mode == 0600);
  REQUIRE(s.find("a/b/c/deep.txt") != nullptr);
  CHECK(s.find("a/b/c/deep.txt")->text() == "deep\n");
  REQUIRE(s.find("a/b") != nullptr);
  CHECK(s.find("a/b")->entry.kind == unpack::EntryKind::kDir);
  CHECK(s.find("a/b")->entry.mode == 0700);
  REQUIRE(s.find("sh") != nullptr);
  CHECK(s.find("sh")->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(s.find("sh")->entry.link_target == "bin/busybox");
  REQUIRE(s.find("dev/console") != nullptr);
  CHECK(s.find("dev/console")->entry.kind == unpack::EntryKind::kSpecial);
  CHECK(s.find("dev/console")->entry.mode == 0600);
}

/// Compression types used by the image's data nodes.
std::set<int> compressors(const std::string& image) {
  auto view = as_bytes(image);
  auto endian = unpack::jffs2::header_endian(view);
  REQUIRE(endian.has_value());
  std::set<int> used;
  for (const auto& n : unpack::jffs2::scan(view, *endian, true).inodes) {
    if (n.dsize > 0) used.insert(n.compr);
  }
  return used;
}

TEST_CASE("jffs2: little- and big-endian images round-trip every kind of member") {
  for (const char* endian : {"-l", "-b"}) {
    CAPTURE(endian);
    const std::string& image = mkfs(endian);
    auto x = test::extract_with(jffs2(), Blob::from_string(image));
    REQUIRE(x.extracted);
    CHECK(x.consumed == image.size());
    CHECK(x.sink.warnings.empty());
    check_tree(x.sink);
  }
}

TEST_CASE("jffs2: padded images report their size up to the erase-block boundary") {
  for (const char* eb : {"64KiB", "128KiB"}) {
    CAPTURE(eb);
    const std::string& image = mkfs(std::string("-l -p -e ") + eb);
    std::uint64_t block = std::string(eb) == "64KiB" ? 65536 : 131072;
    CHECK(image.size() % block == 0);
    auto x = test::extract_with(jffs2(), Blob::from_string(image + "TRAILING DATA"));
    REQUIRE(x.extracted);
    CHECK(x.consumed == image.size());
    check_tree(x.sink);
  }
}

TEST_CASE("jffs2: unpadded image followed by other data reports the end of its last node") {
  const std::string& image = mkfs("-b");
  auto p = jffs2().probe(as_bytes(image + std::string(100, 'x')));
  REQUIRE(p.ok());
  CHECK(*p == image.size());
}

/// Builds with the options, checks the compressor really appears, and round-trips.
std::set<int> check_compressor(const std::string& options, int expect) {
  const std::string& image = mkfs("-l " + options);
  std::set<int> used = compressors(image);
  CHECK(used.count(expect) == 1);
  auto x = test::extract_with(jffs2(), Blob::from_string(image));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  check_tree(x.sink);
  return used;
}

TEST_CASE("jffs2: zlib nodes (the default) decode") { check_compressor("", unpack::jffs2::kComprZlib); }

TEST_CASE("jffs2: lzo nodes decode") { check_compressor("-X lzo -x zlib -x rtime", unpack::jffs2::kComprLzo); }

TEST_CASE("jffs2: rtime nodes decode") { check_compressor("-x zlib", unpack::jffs2::kComprRtime); }

TEST_CASE("jffs2: uncompressed nodes decode") { check_compressor("-x zlib -x rtime", unpack::jffs2::kComprNone); }

TEST_CASE("jffs2: a file mixing compressors (size mode) decodes") {
  std::set<int> used = check_compressor("-m size -X lzo", unpack::jffs2::kComprZlib);
  CHECK(used.size() >= 2);
}

TEST_CASE("jffs2: rtime decoder expands back-references and rejects overruns") {
  // 'a' then copy 3 from position 0 (after the first 'a'): "aaaa"; then 'b'.
  const std::uint8_t ok[] = {'a', 0, 'a', 2, 'b', 0};
  auto d = unpack::jffs2::decode_rtime(ok, 5);
  REQUIRE(d.ok());
  CHECK(std::string(d->begin(), d->end()) == "aaaab");
  const std::uint8_t overrun[] = {'a', 200};
  CHECK_FALSE(unpack::jffs2::decode_rtime(overrun, 10).ok());
  CHECK_FALSE(unpack::jffs2::decode_rtime(ok, 50).ok());
}

/// Writes little-endian JFFS2 nodes by hand, for states mkfs.jffs2 never makes.
class NodeWriter {
 public:
  void dirent(std::uint32_t pino, std::uint32_t version, std::uint32_t ino, std::string_view name) {
    std::string body = u32(pino) + u32(version) + u32(ino) + u32(0);
    body += static_cast<char>(name.size());
    body += std::string("\x08\0\0", 3);
    std::string node = header(unpack::jffs2::kTypeDirent, 40 + name.size()) + body;
    node += u32(crc(node)) + u32(crc(name)) + std::string(name);
    append(node);
  }
  void inode(std::uint32_t ino, std::uint32_t version, std::uint32_t mode, std::uint32_t isize, std::uint32_t offset,
             std::string_view stored, std::uint32_t dsize, std::uint8_t compr) {
    std::string node = header(unpack::jffs2::kTypeInode, 68 + stored.size());
    node += u32(ino) + u32(version) + u32(mode) + u32(0) + u32(isize) + u32(0) + u32(0) + u32(0);
    node += u32(offset) + u32(static_cast<std::uint32_t>(stored.size())) + u32(dsize);
    node += std::string(1, static_cast<char>(compr)) + std::string(3, '\0');
    std::string covered = node;
    node += u32(crc(stored));
    node += u32(crc(covered));
    append(node + std::string(stored));
  }
  void file(std::uint32_t ino, std::uint32_t version, std::string_view content) {
    inode(ino, version, 0100644, static_cast<std::uint32_t>(content.size()), 0, content,
          static_cast<std::uint32_t>(content.size()), unpack::jffs2::kComprNone);
  }
  void dir(std::uint32_t ino) { inode(ino, 1, 040755, 0, 0, "", 0, unpack::jffs2::kComprNone); }
  std::string out;

 private:
  static std::uint32_t crc(std::string_view s) { return unpack::jffs2::crc(as_bytes(s)); }
  static std::string u32(std::uint32_t v) {
    return {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
  }
  static std::string header(std::uint16_t type, std::size_t totlen) {
    std::string h = std::string("\x85\x19", 2) + static_cast<char>(type & 0xFF) + static_cast<char>(type >> 8) +
                    u32(static_cast<std::uint32_t>(totlen));
    return h + u32(crc(h));
  }
  void append(const std::string& node) {
    out += node;
    while (out.size() % 4 != 0) out.push_back('\xff');
  }
};

std::string lzma_raw(std::string_view in) {
  lzma_options_lzma opt{};
  lzma_lzma_preset(&opt, 6);
  opt.dict_size = 0x2000;
  opt.lc = 0;
  opt.lp = 0;
  opt.pb = 0;
  lzma_filter filters[2] = {{LZMA_FILTER_LZMA1, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};
  std::string out(in.size() + 1024, '\0');
  std::size_t pos = 0;
  REQUIRE(lzma_raw_buffer_encode(filters, nullptr, reinterpret_cast<const std::uint8_t*>(in.data()), in.size(),
                                 reinterpret_cast<std::uint8_t*>(out.data()), &pos, out.size()) == LZMA_OK);
  out.resize(pos);
  return out;
}

TEST_CASE("jffs2: lzma nodes decode with the fixed kernel properties") {
  std::string text = test::sample_bytes(4096, 7);
  NodeWriter w;
  w.dirent(1, 1, 2, "k");
  w.inode(2, 1, 0100644, 4096, 0, lzma_raw(text), 4096, unpack::jffs2::kComprLzma);
  auto x = test::extract_with(jffs2(), Blob::from_string(w.out));
  REQUIRE(x.sink.find("k") != nullptr);
  CHECK(x.sink.find("k")->text() == text);
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("jffs2: newest versions win, unlinks hide names, truncations cut, orphans are kept") {
  NodeWriter w;
  w.dirent(1, 1, 2, "f");
  w.file(2, 1, "old contents that are long");
  w.inode(2, 2, 0100644, 26, 0, "NEW", 3, unpack::jffs2::kComprNone);  // overwrite the head
  w.dirent(1, 2, 3, "t");
  w.file(3, 1, "0123456789");
  w.inode(3, 2, 0100644, 4, 0, "", 0, unpack::jffs2::kComprNone);  // truncate to 4
  w.dirent(1, 3, 4, "gone");
  w.file(4, 1, "x");
  w.dirent(1, 4, 0, "gone");  // unlinked later
  w.file(9, 1, "nobody names me");
  auto x = test::extract_with(jffs2(), Blob::from_string(w.out));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("f") != nullptr);
  CHECK(x.sink.find("f")->text() == "NEW contents that are long");
  REQUIRE(x.sink.find("t") != nullptr);
  CHECK(x.sink.find("t")->text() == "0123");
  CHECK(x.sink.find("gone") == nullptr);
  REQUIRE(x.sink.find("lost+found/ino-9") != nullptr);
  CHECK(x.sink.find("lost+found/ino-9")->text() == "nobody names me");
  CHECK(x.sink.find("lost+found/ino-4") != nullptr);
  CHECK_FALSE(x.sink.warnings.empty());
}

TEST_CASE("jffs2: hole nodes read as zeros, and a huge hole stops at the ratio limit") {
  NodeWriter w;
  w.dirent(1, 1, 2, "sparse");
  w.inode(2, 1, 0100644, 3, 0, "abc", 3, unpack::jffs2::kComprNone);
  w.inode(2, 2, 0100644, 3 + (2 << 20), 3, "", 2 << 20, unpack::jffs2::kComprZero);
  w.inode(2, 3, 0100644, 6 + (2 << 20), 3 + (2 << 20), "xyz", 3, unpack::jffs2::kComprNone);
  w.dirent(1, 2, 3, "bomb");
  w.inode(3, 1, 0100644, 0xF0000000U, 0, "", 0xF0000000U, unpack::jffs2::kComprZero);
  test::CollectingSink sink;
  sink.budget_.max_ratio = 250;
  sink.budget_.ratio_floor_bytes = 4 << 20;
  auto x = test::extract_with(jffs2(), Blob::from_string(w.out), sink);
  REQUIRE(x.sink.find("sparse") != nullptr);
  CHECK(x.sink.find("sparse")->text() == "abc" + std::string(2 << 20, '\0') + "xyz");
  REQUIRE(x.sink.find("bomb") != nullptr);
  CHECK(x.sink.find("bomb")->data.size() == (4 << 20));
  CHECK_FALSE(x.sink.warnings.empty());
}

TEST_CASE("jffs2: a directory-entry cycle terminates") {
  NodeWriter w;
  w.dirent(1, 1, 2, "d");
  w.dir(2);
  w.dirent(2, 1, 1, "up");  // back to the root
  w.dirent(2, 2, 2, "self");
  w.dir(5);
  w.dir(6);
  w.dirent(5, 1, 6, "b");  // 5 <-> 6, unreachable from the root
  w.dirent(6, 1, 5, "a");
  auto x = test::extract_with(jffs2(), Blob::from_string(w.out));
  REQUIRE(x.extracted);
  CHECK(x.sink.find("d") != nullptr);
  CHECK(x.sink.members.size() < 10);
  CHECK_FALSE(x.sink.warnings.empty());
}

TEST_CASE("jffs2: truncated and bit-flipped images extract what survives without crashing") {
  const std::string& image = mkfs("-l");
  auto cut = test::extract_with(jffs2(), Blob::from_string(image.substr(0, image.size() / 2)));
  REQUIRE(cut.extracted);
  CHECK_FALSE(cut.sink.warnings.empty());
  REQUIRE(cut.sink.find("a/b/c/deep.txt") != nullptr);
  CHECK(cut.sink.find("a/b/c/deep.txt")->text() == "deep\n");
  const auto* partial = cut.sink.find("bin/busybox");
  REQUIRE(partial != nullptr);
  CHECK(partial->data.size() < kBusybox.size());
  CHECK(kBusybox.compare(0, partial->data.size(), partial->text()) == 0);
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    std::string bad = test::flip_bits(image, 200, seed);
    auto x = test::extract_with(jffs2(), Blob::from_string(bad));
    if (x.extracted) CHECK_FALSE(x.sink.warnings.empty());
  }
}

TEST_CASE("jffs2: a stray magic in random bytes is rejected") {
  std::string noise = test::sample_bytes(4096, 3);
  noise.replace(0, 4, "\x85\x19\x02\xe0");
  CHECK_FALSE(jffs2().probe(as_bytes(noise)).ok());
  CHECK_FALSE(jffs2().probe(as_bytes(std::string_view("\x19\x85\xe0\x01", 4))).ok());
}

}  // namespace
}  // namespace pedigree
