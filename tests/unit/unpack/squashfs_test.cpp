// SquashFS fixtures are built by the real mksquashfs in a temporary
// directory, one image per compressor (squashfs_fixture.h).
#include "tests/unit/unpack/squashfs_fixture.h"

#include <doctest/doctest.h>

namespace pedigree {
namespace {

using namespace test::squashfs;  // NOLINT(google-build-using-namespace): the fixture's helpers

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
