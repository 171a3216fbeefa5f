// CramFS fixtures are built by the real mkfs.cramfs (both byte orders, with
// and without boot padding and holes); images with extended block pointers,
// which mkfs.cramfs cannot write, are put together by hand.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <zlib.h>

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

const unpack::Format& cramfs() {
  const auto* f = unpack::find_format("cramfs");
  REQUIRE(f != nullptr);
  return *f;
}

std::string lines(std::size_t size) {
  std::string s;
  for (int i = 0; s.size() < size; ++i) s += "cramfs line " + std::to_string(i) + "\n";
  s.resize(size);
  return s;
}

bool has_warning(const test::CollectingSink& sink, std::string_view needle) {
  for (const auto& w : sink.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::uint32_t get_le32(const std::string& s, std::size_t off) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(s[off + static_cast<std::size_t>(i)]);
  return v;
}
void put_le32(std::string& s, std::size_t off, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[off + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
}

/// A source tree and the images mkfs.cramfs makes of it, built once per process.
class Fixture {
 public:
  static const Fixture& get() {
    static const std::unique_ptr<Fixture> kFixture(new Fixture());
    return *kFixture;
  }
  ~Fixture() { fs::remove_all(root_); }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const std::map<std::string, std::string>& files() const { return files_; }

  const std::string& image(const std::string& options) const {
    auto& img = images_[options];
    if (!img.empty()) return img;
    fs::path out = root_ / "out.img";
    std::string cmd =
        "mkfs.cramfs " + options + " '" + (root_ / "src").string() + "' '" + out.string() + "' >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    std::ifstream in(out, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    img = ss.str();
    return img;
  }

 private:
  Fixture() {
    char tmpl[] = "/tmp/pedigree-cramfs-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    root_ = tmpl;
    fs::path src = root_ / "src";
    files_ = {{"hello.txt", "hello cramfs\n"},        {"empty", ""},
              {"big.bin", lines((100U << 10) + 123)}, {"zeros", std::string(3 * 4096 + 10, '\0')},
              {"bin/su", "pretend setuid binary\n"},  {"a/b/c/deep.txt", "deep\n"}};
    for (const auto& [path, content] : files_) {
      fs::create_directories((src / path).parent_path());
      std::ofstream(src / path, std::ios::binary) << content;
    }
    fs::create_directories(src / "emptydir");
    fs::permissions(src / "bin/su", fs::perms(04755));
    fs::permissions(src / "a/b/c/deep.txt", fs::perms(0600));
    fs::create_symlink("hello.txt", src / "link");
    REQUIRE(mkfifo((src / "pipe").c_str(), 0640) == 0);
  }

  fs::path root_;
  std::map<std::string, std::string> files_;
  mutable std::map<std::string, std::string> images_;
};

void check_tree(const test::CollectingSink& sink) {
  const Fixture& fx = Fixture::get();
  for (const auto& [path, content] : fx.files()) {
    const auto* m = sink.find(path);
    REQUIRE_MESSAGE(m != nullptr, path);
    CHECK(m->entry.kind == unpack::EntryKind::kFile);
    CHECK_MESSAGE(m->text() == content, path);
  }
  CHECK(sink.find("bin/su")->entry.mode == 04755);
  CHECK(sink.find("a/b/c/deep.txt")->entry.mode == 0600);
  const auto* link = sink.find("link");
  REQUIRE(link != nullptr);
  CHECK(link->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(link->entry.link_target == "hello.txt");
  REQUIRE(sink.find("pipe") != nullptr);
  CHECK(sink.find("pipe")->entry.kind == unpack::EntryKind::kSpecial);
  CHECK(sink.find("pipe")->entry.mode == 0640);
  for (const char* dir : {"a", "a/b", "a/b/c", "bin", "emptydir"}) {
    REQUIRE_MESSAGE(sink.find(dir) != nullptr, dir);
    CHECK(sink.find(dir)->entry.kind == unpack::EntryKind::kDir);
  }
  CHECK(sink.members.size() == fx.files().size() + 5 /*dirs*/ + 2 /*link, pipe*/);
}

void check_round_trip(const std::string& options) {
  const std::string& img = Fixture::get().image(options);
  auto x = test::extract_with(cramfs(), Blob::from_string(img + "trailing junk"));
  REQUIRE_MESSAGE(x.extracted, x.error);
  CHECK(x.consumed == img.size());
  CHECK_MESSAGE(x.sink.warnings.empty(), (x.sink.warnings.empty() ? "" : x.sink.warnings.front()));
  check_tree(x.sink);
}

TEST_CASE("cramfs: little-endian image round-trips, byte for byte") { check_round_trip("-n little"); }

TEST_CASE("cramfs: big-endian image round-trips") {
  const std::string& img = Fixture::get().image("-N big");
  REQUIRE(img.compare(0, 4, "\x28\xcd\x3d\x45") == 0);
  check_round_trip("-N big");
}

TEST_CASE("cramfs: an image with explicit holes round-trips") {
  REQUIRE((get_le32(Fixture::get().image("-z"), 8) & 0x100) != 0);  // the holes flag
  check_round_trip("-z");
}

TEST_CASE("cramfs: an image padded for boot code is found 512 bytes before its magic") {
  const std::string& img = Fixture::get().image("-p");
  REQUIRE(img.compare(512, 4, "\x45\x3d\xcd\x28") == 0);
  check_round_trip("-p");
  // Carved from inside a larger blob, the magic at 512 marks the start.
  std::string blob = std::string(100, 'J') + img;
  auto hit = blob.find("\x45\x3d\xcd\x28");
  REQUIRE(hit == 100 + 512);
  CHECK_FALSE(cramfs().probe(as_bytes(std::string_view(blob).substr(hit))).ok());
  auto size = cramfs().probe(as_bytes(std::string_view(blob).substr(hit - 512)));
  REQUIRE(size.ok());
  CHECK(*size == img.size());
}

TEST_CASE("cramfs: carving after junk sizes the image exactly") {
  const std::string& img = Fixture::get().image("");
  std::string blob = "JUNKJUNK" + img + std::string(5000, '\x7f');
  CHECK_FALSE(cramfs().probe(as_bytes(blob)).ok());
  auto size = cramfs().probe(as_bytes(std::string_view(blob).substr(8)));
  REQUIRE(size.ok());
  CHECK(*size == img.size());
}

TEST_CASE("cramfs: a truncated image keeps what it can and warns") {
  const std::string& img = Fixture::get().image("");
  auto x = test::extract_with(cramfs(), Blob::from_string(img.substr(0, img.size() / 2)));
  REQUIRE(x.extracted);
  CHECK(has_warning(x.sink, "truncated"));
  CHECK(x.sink.find("hello.txt") != nullptr);
  for (std::size_t n = 0; n < img.size(); n += 101) {
    auto y = test::extract_with(cramfs(), Blob::from_string(img.substr(0, n)));
    if (y.probed) CHECK(!y.sink.warnings.empty());
  }
}

TEST_CASE("cramfs: 200 single-bit flips never crash or hang, and the CRC notices") {
  const std::string& img = Fixture::get().image("");
  std::uint32_t rng = 99;
  std::size_t crc_warnings = 0;
  for (int i = 0; i < 200; ++i) {
    rng = rng * 1664525 + 1013904223;
    // Half the flips hit the superblock and directory entries, half anywhere.
    std::size_t span = i % 2 == 0 ? 1024 : img.size();
    std::size_t bit = (rng >> 4) % (span * 8);
    std::string bad = img;
    bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
    auto x = test::extract_with(cramfs(), Blob::from_string(bad));
    if (has_warning(x.sink, "CRC32 mismatch")) ++crc_warnings;
    test::CollectingSink direct;
    (void)cramfs().extract(Blob::from_string(bad), direct);
  }
  CHECK(crc_warnings > 50);
}

TEST_CASE("cramfs: a directory that lists itself ends the walk with a warning") {
  std::string img = Fixture::get().image("");
  // The root's first child is "a" (sorted): point it at the root's own listing.
  const std::uint32_t root_w1 = get_le32(img, 64 + 4), root_w2 = get_le32(img, 64 + 8);
  REQUIRE((root_w2 >> 6) * 4 == 76);
  REQUIRE(img.compare(76 + 12, 2, std::string("a\0", 2)) == 0);
  put_le32(img, 76 + 4, (get_le32(img, 76 + 4) & 0xff000000) | (root_w1 & 0xffffff));
  put_le32(img, 76 + 8, (get_le32(img, 76 + 8) & 0x3f) | (root_w2 & ~0x3fU));
  auto x = test::extract_with(cramfs(), Blob::from_string(img));
  REQUIRE(x.extracted);
  CHECK(has_warning(x.sink, "a loop"));
  CHECK(has_warning(x.sink, "CRC32 mismatch"));
  // Listings are recognised by their offset: the root's is not read twice.
  REQUIRE(x.sink.find("a") != nullptr);
  CHECK(x.sink.find("a")->entry.kind == unpack::EntryKind::kDir);
  CHECK(x.sink.find("a/hello.txt") == nullptr);
  CHECK(x.sink.find("hello.txt") != nullptr);
}

std::string zlib_block(const std::string& data) {
  uLongf n = compressBound(data.size());
  std::string out(n, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(data.data()), data.size(),
                    9) == Z_OK);
  out.resize(n);
  return out;
}

TEST_CASE("cramfs: extended block pointers: direct, uncompressed and following blocks") {
  // A hand-made image (no fsid v2, so its size comes from extraction): the
  // root holds one file "x" of three blocks, stored three different ways.
  const std::string content = lines(2 * 4096 + 1000);
  const std::string b0 = content.substr(0, 4096), b1 = zlib_block(content.substr(4096, 4096)),
                    b2 = zlib_block(content.substr(8192));
  std::string img(76, '\0');
  put_le32(img, 0, 0x28cd3d45);
  put_le32(img, 8, 0x800);  // extended block pointers
  img.replace(16, 16, "Compressed ROMFS");
  put_le32(img, 64, 040755);
  put_le32(img, 68, 16);  // the root lists one entry of 12 + 4 bytes
  put_le32(img, 72, (76 / 4) << 6);
  std::string entry(16, '\0');
  put_le32(entry, 0, 0100644);
  put_le32(entry, 4, static_cast<std::uint32_t>(content.size()));
  put_le32(entry, 8, 1 | ((92 / 4) << 6));  // name of 4 bytes; block pointers at 92
  entry.replace(12, 1, "x");
  img += entry;
  // Pointer table at 92 (3 words), then: block 0 raw at 104 (direct,
  // uncompressed), block 1 zlib right after it (a plain end pointer),
  // block 2 at an aligned offset with its u16 length in front (direct).
  const std::uint32_t raw_at = 104, b1_end = raw_at + 4096 + static_cast<std::uint32_t>(b1.size());
  const std::uint32_t b2_at = (b1_end + 3) & ~3U;
  std::string table(12, '\0');
  put_le32(table, 0, (1U << 31) | (1U << 30) | (raw_at >> 2));
  put_le32(table, 4, b1_end);
  put_le32(table, 8, (1U << 30) | (b2_at >> 2));
  img += table + b0 + b1 + std::string(b2_at - b1_end, '\0');
  img += std::string{static_cast<char>(b2.size() & 0xff), static_cast<char>(b2.size() >> 8)} + b2;
  const std::size_t used = img.size();
  img += std::string(3, '\0') + "NOT PART OF IT";

  auto x = test::extract_with(cramfs(), Blob::from_string(img));
  REQUIRE_MESSAGE(x.extracted, x.error);
  CHECK(x.sink.warnings.empty());
  REQUIRE(x.sink.find("x") != nullptr);
  CHECK(x.sink.find("x")->text() == content);
  CHECK(x.consumed == ((used + 3) & ~std::size_t{3}));
}

TEST_CASE("cramfs: the output budget truncates a file") {
  test::CollectingSink sink;
  sink.budget_.max_bytes = 5000;
  auto x = test::extract_with(cramfs(), Blob::from_string(Fixture::get().image("")), sink);
  REQUIRE(x.extracted);
  CHECK(x.sink.find("big.bin")->text() == Fixture::get().files().at("big.bin").substr(0, 5000));
  CHECK(has_warning(x.sink, "big.bin"));
}

TEST_CASE("cramfs: output far beyond the image size stops the extraction") {
  test::CollectingSink sink;
  sink.budget_.max_ratio = 2;
  sink.budget_.ratio_floor_bytes = 0;
  const std::string& img = Fixture::get().image("");
  auto x = test::extract_with(cramfs(), Blob::from_string(img), sink);
  REQUIRE(x.extracted);
  CHECK(has_warning(x.sink, "times the image size"));
  std::size_t total = 0;
  for (const auto& m : x.sink.members) total += m.data.size();
  CHECK(total <= 2 * img.size() + 1);
}

TEST_CASE("cramfs: a stray magic in random bytes is rejected") {
  std::string noise(4096, '\0');
  std::uint32_t rng = 5;
  for (auto& c : noise) {
    rng = rng * 1103515245 + 12345;
    c = static_cast<char>(rng >> 16);
  }
  for (const char* magic : {"\x45\x3d\xcd\x28", "\x28\xcd\x3d\x45"}) {
    std::string s = noise;
    s.replace(0, 4, magic);
    CHECK_FALSE(cramfs().probe(as_bytes(s)).ok());
    s.replace(16, 16, "Compressed ROMFS");  // even with the signature
    CHECK_FALSE(cramfs().probe(as_bytes(s)).ok());
  }
}

}  // namespace
}  // namespace pedigree
