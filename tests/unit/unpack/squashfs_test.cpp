// SquashFS fixtures are built by the real mksquashfs in a temporary
// directory, one image per compressor.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"

namespace pedigree {
namespace {

namespace fs = std::filesystem;

const unpack::Format& squashfs() {
  const auto* f = unpack::find_format("squashfs");
  REQUIRE(f != nullptr);
  return *f;
}

/// Text that compresses well (so every compressor is quick) but not to nothing.
std::string lines(std::size_t size, const char* tag) {
  std::string s;
  for (int i = 0; s.size() < size; ++i) s += "line " + std::to_string(i) + " of " + tag + "\n";
  s.resize(size);
  return s;
}

void write(const fs::path& p, const std::string& content, fs::perms mode = fs::perms(0644)) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  fs::permissions(p, mode);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool has_warning(const test::CollectingSink& sink, std::string_view needle) {
  for (const auto& w : sink.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

void put_be(std::string& s, std::size_t off, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s[off + i] = static_cast<char>(v >> (8 * (bytes - 1 - i)));
}
std::uint64_t get_le(const std::string& s, std::size_t off, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(s[off + i]);
  return v;
}

/// What goes into a fixture's source tree besides the fixed members.
struct Spec {
  std::size_t big = (3U << 20) + 1234;  ///< the file that spans several blocks and a fragment
  bool many = true;                     ///< a directory of 700 entries (several listing headers, an index)
  bool zeros = false;                   ///< an 8 MiB file of zeros (stored as sparse blocks)
  auto operator<=>(const Spec&) const = default;
};

/// A source tree and the images mksquashfs makes of it. Built once per
/// process for each Spec (doctest re-runs a test case for every subcase).
class Fixture {
 public:
  static const Fixture& get(const Spec& spec) {
    static std::map<Spec, std::unique_ptr<Fixture>> cache;
    auto& slot = cache[spec];
    if (!slot) slot.reset(new Fixture(spec));
    return *slot;
  }
  ~Fixture() { fs::remove_all(root_); }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const Spec& spec() const { return spec_; }
  const std::map<std::string, std::string>& files() const { return files_; }

  /// Runs mksquashfs with extra options and returns the image.
  const std::string& image(const std::string& options) const {
    auto& img = images_[options];
    if (!img.empty()) return img;
    fs::path out = root_ / "out.img";
    std::string cmd = "mksquashfs '" + src().string() + "' '" + out.string() +
                      "' -noappend -no-progress -quiet -no-xattrs -p 'dev c 666 0 0 1 3' " + options +
                      " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    img = slurp(out);
    return img;
  }

 private:
  explicit Fixture(const Spec& spec) : spec_(spec) {
    char tmpl[] = "/tmp/pedigree-squashfs-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    root_ = tmpl;
    files_ = {{"hello.txt", "hello squashfs\n"},
              {"empty", ""},
              {"big.bin", lines(spec.big, "the big file")},
              {"bin/su", "pretend setuid binary\n"},
              {"dir/sub/deep.txt", "deep\n"}};
    for (int i = 0; spec.many && i < 700; ++i) {
      std::string name = "many/entry" + std::to_string(1000 + i);
      files_[name] = name;
    }
    if (spec.zeros) files_["zeros"] = std::string(8U << 20, '\0');
    for (const auto& [path, content] : files_) write(src() / path, content);
    fs::permissions(src() / "bin/su", fs::perms(04755));
    fs::permissions(src() / "dir/sub/deep.txt", fs::perms(0600));
    fs::create_symlink("hello.txt", src() / "link");
    fs::create_hard_link(src() / "dir/sub/deep.txt", src() / "hard");
    REQUIRE(mkfifo((src() / "pipe").c_str(), 0640) == 0);
  }
  fs::path src() const { return root_ / "src"; }

  Spec spec_;
  fs::path root_;
  std::map<std::string, std::string> files_;
  mutable std::map<std::string, std::string> images_;
};

/// Checks that an extraction holds exactly what the fixture put in.
void check_tree(const Fixture& fx, const test::CollectingSink& sink) {
  for (const auto& [path, content] : fx.files()) {
    const auto* m = sink.find(path);
    REQUIRE_MESSAGE(m != nullptr, path);
    if (path == "dir/sub/deep.txt" && m->entry.kind == unpack::EntryKind::kHardlink) continue;
    CHECK(m->entry.kind == unpack::EntryKind::kFile);
    CHECK_MESSAGE(m->text() == content, path);
  }
  CHECK(sink.find("bin/su")->entry.mode == 04755);
  CHECK(sink.find("dir/sub/deep.txt")->entry.mode == 0600);
  // The hard link pair: one of the two names carries the bytes, the other points at it.
  const auto* a = sink.find("hard");
  const auto* b = sink.find("dir/sub/deep.txt");
  REQUIRE(a != nullptr);
  const auto* link = a->entry.kind == unpack::EntryKind::kHardlink ? a : b;
  const auto* file = link == a ? b : a;
  CHECK(link->entry.kind == unpack::EntryKind::kHardlink);
  CHECK(file->entry.kind == unpack::EntryKind::kFile);
  CHECK(link->entry.link_target == file->entry.path);
  CHECK(file->text() == "deep\n");
  const auto* symlink = sink.find("link");
  REQUIRE(symlink != nullptr);
  CHECK(symlink->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(symlink->entry.link_target == "hello.txt");
  for (const char* special : {"dev", "pipe"}) {
    const auto* m = sink.find(special);
    REQUIRE_MESSAGE(m != nullptr, special);
    CHECK(m->entry.kind == unpack::EntryKind::kSpecial);
    CHECK(m->data.empty());
  }
  CHECK(sink.find("dev")->entry.mode == 0666);
  CHECK(sink.find("pipe")->entry.mode == 0640);
  std::size_t dirs = 0;
  for (const char* dir : {"bin", "dir", "dir/sub", "many"}) {
    if (!fx.spec().many && std::string_view(dir) == "many") continue;
    REQUIRE_MESSAGE(sink.find(dir) != nullptr, dir);
    CHECK(sink.find(dir)->entry.kind == unpack::EntryKind::kDir);
    ++dirs;
  }
  CHECK(sink.members.size() == fx.files().size() + dirs + 4 /*link, hard, dev, pipe*/);
}

void check_round_trip(const Fixture& fx, const std::string& comp) {
  const std::string& img = fx.image("-comp " + comp);
  CHECK(img.size() % 4096 == 0);
  auto x = test::extract_with(squashfs(), Blob::from_string(img));
  REQUIRE_MESSAGE(x.extracted, x.error);
  CHECK(x.consumed == img.size());
  CHECK_MESSAGE(x.sink.warnings.empty(), (x.sink.warnings.empty() ? "" : x.sink.warnings.front()));
  check_tree(fx, x.sink);
}

TEST_CASE("squashfs: gzip image round-trips every kind of member, byte for byte") {
  check_round_trip(Fixture::get({}), "gzip");
}

TEST_CASE("squashfs: lz4 image round-trips") { check_round_trip(Fixture::get({}), "lz4"); }

TEST_CASE("squashfs: zstd image round-trips") { check_round_trip(Fixture::get({}), "zstd"); }

// The slower compressors get a smaller multi-block file: 2 blocks and a fragment.
TEST_CASE("squashfs: xz image round-trips") { check_round_trip(Fixture::get({.big = (300U << 10) + 1234}), "xz"); }

TEST_CASE("squashfs: lzma image round-trips") { check_round_trip(Fixture::get({.big = (300U << 10) + 1234}), "lzma"); }

TEST_CASE("squashfs: lzo image round-trips") { check_round_trip(Fixture::get({.big = (300U << 10) + 1234}), "lzo"); }

TEST_CASE("squashfs: uncompressed and fragment-less images round-trip") {
  const Fixture& fx = Fixture::get({.big = (300U << 10) + 1234});
  SUBCASE("no compression") {
    auto x = test::extract_with(squashfs(), Blob::from_string(fx.image("-noI -noD -noF -noX")));
    REQUIRE_MESSAGE(x.extracted, x.error);
    CHECK(x.sink.warnings.empty());
    check_tree(fx, x.sink);
  }
  SUBCASE("no fragments, 4 KiB blocks") {
    auto x = test::extract_with(squashfs(), Blob::from_string(fx.image("-no-fragments -b 4096")));
    REQUIRE_MESSAGE(x.extracted, x.error);
    CHECK(x.sink.warnings.empty());
    check_tree(fx, x.sink);
  }
}

TEST_CASE("squashfs: carving finds the superblock after junk and sizes the image exactly") {
  const Fixture& fx = Fixture::get({.big = 5000, .many = false});
  const std::string& padded = fx.image("");
  const std::string& exact = fx.image("-nopad");
  CHECK(padded.size() % 4096 == 0);
  CHECK(exact.size() < padded.size());
  std::string junk(777, 'J');
  std::string trailer = "TRAILER\x01\x02";

  std::string carved = junk + padded + trailer;
  CHECK_FALSE(squashfs().probe(as_bytes(carved)).ok());
  auto at = carved.find("hsqs");
  REQUIRE(at == junk.size());
  auto size = squashfs().probe(as_bytes(std::string_view(carved).substr(at)));
  REQUIRE(size.ok());
  CHECK(*size == padded.size());

  // Without padding, the size is bytes_used, and a non-zero trailer stays out.
  auto x = test::extract_with(squashfs(), Blob::from_string(exact + trailer));
  REQUIRE_MESSAGE(x.extracted, x.error);
  CHECK(x.consumed == exact.size());
  CHECK(x.sink.find("big.bin")->text() == fx.files().at("big.bin"));
}

TEST_CASE("squashfs: a truncated image keeps what it can and warns") {
  const Fixture& fx = Fixture::get({.big = 5000, .many = false});
  const std::string& img = fx.image("-nopad");
  SUBCASE("only the id table is cut off") {
    auto x = test::extract_with(squashfs(), Blob::from_string(img.substr(0, img.size() - 4)));
    REQUIRE_MESSAGE(x.extracted, x.error);
    CHECK(has_warning(x.sink, "truncated"));
    CHECK(x.sink.find("big.bin")->text() == fx.files().at("big.bin"));
  }
  SUBCASE("cut at every 97th byte: never a crash") {
    for (std::size_t n = 0; n < img.size(); n += 97) {
      auto x = test::extract_with(squashfs(), Blob::from_string(img.substr(0, n)));
      if (x.probed) CHECK((!x.extracted || !x.sink.warnings.empty()));
    }
  }
}

TEST_CASE("squashfs: 200 single-bit flips never crash or hang") {
  const std::string& img = Fixture::get({.big = 9000, .many = false}).image("-b 4096");
  const std::size_t used = get_le(img, 40, 8);
  std::uint32_t rng = 12345;
  std::size_t warned = 0;
  for (int i = 0; i < 200; ++i) {
    rng = rng * 1664525 + 1013904223;
    // A third of the flips each hit the superblock, the tables at the end
    // (inodes, directories, fragments, ids) and anywhere in the image.
    std::size_t span = i % 3 == 0 ? 96 : i % 3 == 1 ? std::min<std::size_t>(used, 4000) : used;
    std::size_t base = i % 3 == 1 ? used - span : 0;
    std::size_t bit = base * 8 + (rng >> 4) % (span * 8);
    std::string bad = img;
    bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
    auto x = test::extract_with(squashfs(), Blob::from_string(bad));
    if (!x.sink.warnings.empty() || !x.extracted) ++warned;
    test::CollectingSink direct;
    (void)squashfs().extract(Blob::from_string(bad), direct);
  }
  CHECK(warned > 0);
}

TEST_CASE("squashfs: a directory that lists itself ends the walk with a warning") {
  // With -noI the inode and directory tables are stored uncompressed, one
  // metadata block each here, so their records can be patched in place.
  std::string img = Fixture::get({.big = 5000, .many = false}).image("-noI -noD -noF");
  const std::size_t inodes = get_le(img, 64, 8) + 2, dirs = get_le(img, 72, 8) + 2;
  REQUIRE((get_le(img, inodes - 2, 2) & 0x8000) != 0);
  REQUIRE((get_le(img, dirs - 2, 2) & 0x8000) != 0);
  const std::size_t root = inodes + (get_le(img, 32, 8) & 0xffff);
  REQUIRE(get_le(img, root, 2) == 1);  // a basic directory inode
  // Find the entry "dir" in the root listing: a header, then entries.
  std::size_t pos = dirs + get_le(img, root + 16, 4) + get_le(img, root + 26, 2);
  std::size_t count = get_le(img, pos, 4) + 1, dir_inode = 0;
  pos += 12;
  for (std::size_t i = 0; i < count; ++i, pos += 8 + get_le(img, pos + 6, 2) + 1) {
    if (img.compare(pos + 8, get_le(img, pos + 6, 2) + 1, "dir") == 0) dir_inode = inodes + get_le(img, pos, 2);
  }
  REQUIRE(dir_inode != 0);
  REQUIRE(get_le(img, dir_inode, 2) == 1);
  // Point "dir" at the root's listing: dir/dir/dir/... would never end.
  img.replace(dir_inode + 16, 12, img, root + 16, 12);
  auto x = test::extract_with(squashfs(), Blob::from_string(img));
  REQUIRE_MESSAGE(x.extracted, x.error);
  CHECK(has_warning(x.sink, "a loop"));
  CHECK(x.sink.find("dir/hello.txt") != nullptr);  // the root's entries, once more under dir/
  CHECK(x.sink.find("dir/dir/hello.txt") == nullptr);
}

TEST_CASE("squashfs: the output budget truncates large files and stops sparse bombs") {
  const Fixture& fx = Fixture::get({.many = false, .zeros = true});
  const std::string& img = fx.image("");
  SUBCASE("sparse blocks come out as zeros") {
    auto x = test::extract_with(squashfs(), Blob::from_string(img));
    REQUIRE(x.extracted);
    REQUIRE(x.sink.find("zeros") != nullptr);
    CHECK(x.sink.find("zeros")->text() == std::string(8U << 20, '\0'));
  }
  SUBCASE("per-file limit") {
    test::CollectingSink sink;
    sink.budget_.max_bytes = 1000;
    auto x = test::extract_with(squashfs(), Blob::from_string(img), sink);
    REQUIRE(x.extracted);
    CHECK(x.sink.find("big.bin")->text() == fx.files().at("big.bin").substr(0, 1000));
    CHECK(has_warning(x.sink, "big.bin"));
  }
  SUBCASE("ratio against the image") {
    test::CollectingSink sink;
    sink.budget_.max_ratio = 4;
    sink.budget_.ratio_floor_bytes = 1 << 20;
    auto x = test::extract_with(squashfs(), Blob::from_string(img), sink);
    REQUIRE(x.extracted);
    CHECK(has_warning(x.sink, "times the image size"));
  }
  SUBCASE("the sink's stop is obeyed") {
    test::CollectingSink sink;
    sink.max_members = 3;
    auto x = test::extract_with(squashfs(), Blob::from_string(img), sink);
    CHECK(x.sink.members.size() == 3);
  }
}

TEST_CASE("squashfs: big-endian version 4 is recognised, sized and reported unsupported") {
  std::string img = Fixture::get({.big = 5000, .many = false}).image("-nopad");
  // Rewrite the superblock as a big-endian host would have written it.
  static constexpr int kWidths[] = {4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 8, 8, 8, 8, 8, 8, 8, 8};
  std::size_t off = 0;
  for (int w : kWidths) {
    put_be(img, off, get_le(img, off, w), w);
    off += static_cast<std::size_t>(w);
  }
  REQUIRE(img.compare(0, 4, "sqsh") == 0);
  auto size = squashfs().probe(as_bytes(img + "junk"));
  REQUIRE(size.ok());
  CHECK(*size == img.size());
  test::CollectingSink sink;
  auto r = squashfs().extract(Blob::from_string(img), sink);
  CHECK_FALSE(r.ok());
  CHECK(has_warning(sink, "big-endian SquashFS 4 is not supported by libsquashfs"));
}

TEST_CASE("squashfs: version 3 is recognised and sized, with a warning") {
  std::string img(8192, '\0');
  img.replace(0, 4, "hsqs");
  img[28] = 3;         // major
  img[30] = 1;         // minor
  img[34] = 17;        // block_log
  img[51 + 2] = 2;     // block_size = 0x20000
  img[63 + 1] = 0x20;  // bytes_used = 0x2000
  auto size = squashfs().probe(as_bytes(img + "more"));
  REQUIRE(size.ok());
  CHECK(*size == 8192);
  test::CollectingSink sink;
  auto r = squashfs().extract(Blob::from_string(img), sink);
  REQUIRE(r.ok());
  CHECK(*r == 8192);
  CHECK(has_warning(sink, "version 3.1 is not supported"));
}

TEST_CASE("squashfs: a stray magic in random bytes is rejected") {
  std::string noise(4096, '\0');
  std::uint32_t rng = 7;
  for (auto& c : noise) {
    rng = rng * 1103515245 + 12345;
    c = static_cast<char>(rng >> 16);
  }
  for (const char* magic : {"hsqs", "sqsh"}) {
    std::string s = noise;
    s.replace(0, 4, magic);
    CHECK_FALSE(squashfs().probe(as_bytes(s)).ok());
    bool big = s.compare(0, 4, "sqsh") == 0;  // even with a plausible version
    s[28] = big ? 0 : 4;
    s[29] = big ? 4 : 0;
    s[30] = 0;
    s[31] = 0;
    CHECK_FALSE(squashfs().probe(as_bytes(s)).ok());
  }
  CHECK_FALSE(squashfs().probe(as_bytes(std::string_view("hsqs"))).ok());
}

}  // namespace
}  // namespace pedigree
