// Big-endian SquashFS 4: mksquashfs writes only little-endian images, so each
// fixture image is rewritten field by field by samples/lib/squashfs_to_be.py
// and must then extract exactly like the image it came from.
#include <doctest/doctest.h>

#include "tests/unit/unpack/squashfs_fixture.h"

namespace pedigree {
namespace {

using namespace test::squashfs;  // NOLINT(google-build-using-namespace): the fixture's helpers

/// The big-endian twin of a little-endian image, made by the samples' converter.
std::string to_big_endian(const std::string& le) {
  char tmpl[] = "/tmp/pedigree-sqsh-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  fs::path dir = tmpl;
  write(dir / "le.img", le);
  std::string cmd = "python3 '" PEDIGREE_SOURCE_DIR "/samples/lib/squashfs_to_be.py' '" + (dir / "le.img").string() +
                    "' '" + (dir / "be.img").string() + "'";
  int rc = std::system(cmd.c_str());
  std::string be = slurp(dir / "be.img");
  fs::remove_all(dir);
  REQUIRE_MESSAGE(rc == 0, cmd);
  REQUIRE(be.compare(0, 4, "sqsh") == 0);
  return be;
}

/// Both extractions emit the same members in the same order, byte for byte.
void check_same_members(const test::CollectingSink& le, const test::CollectingSink& be) {
  REQUIRE(le.members.size() == be.members.size());
  for (std::size_t i = 0; i < le.members.size(); ++i) {
    const auto& a = le.members[i];
    const auto& b = be.members[i];
    CAPTURE(a.entry.path);
    CHECK(a.entry.path == b.entry.path);
    CHECK(a.entry.kind == b.entry.kind);
    CHECK(a.entry.mode == b.entry.mode);
    CHECK(a.entry.link_target == b.entry.link_target);
    CHECK(a.text() == b.text());
  }
}

void check_twins(const Fixture& fx, const std::string& options) {
  const std::string& le = fx.image(options);
  std::string be = to_big_endian(le);
  auto size = squashfs().probe(as_bytes(be + "trailer"));
  REQUIRE(size.ok());
  CHECK(*size == be.size());
  auto a = test::extract_with(squashfs(), Blob::from_string(le));
  auto b = test::extract_with(squashfs(), Blob::from_string(be));
  REQUIRE_MESSAGE(b.extracted, b.error);
  CHECK(b.consumed == be.size());
  CHECK_MESSAGE(b.sink.warnings.empty(), (b.sink.warnings.empty() ? "" : b.sink.warnings.front()));
  check_tree(fx, b.sink);
  check_same_members(a.sink, b.sink);
}

// Owners outside root give the id table more than one entry.
constexpr const char* kOwners = " -force-uid 1234 -force-gid 567";

TEST_CASE("squashfs: a big-endian gzip image extracts like its little-endian twin") {
  // Full blocks and a fragment, a 700-entry directory (extended inode with
  // an index), a hard link (extended file inode), a symlink, a device, a fifo.
  check_twins(Fixture::get({}), std::string("-comp gzip") + kOwners);
}

TEST_CASE("squashfs: a big-endian xz image extracts like its little-endian twin") {
  check_twins(Fixture::get({.big = (300U << 10) + 1234}), std::string("-comp xz") + kOwners);
}

TEST_CASE("squashfs: big-endian images with stored metadata, or without fragments") {
  const Fixture& fx = Fixture::get({.big = (300U << 10) + 1234});
  SUBCASE("nothing compressed") { check_twins(fx, "-noI -noD -noF -noX -nopad"); }
  SUBCASE("no fragments, 4 KiB blocks") { check_twins(fx, "-comp gzip -no-fragments -b 4096"); }
}

TEST_CASE("squashfs: a truncated or bit-flipped big-endian image never crashes") {
  const Fixture& fx = Fixture::get({.big = 9000, .many = false});
  const std::string be = to_big_endian(fx.image("-comp gzip -b 4096 -nopad"));
  SUBCASE("cut at every 61st byte") {
    for (std::size_t n = 0; n < be.size(); n += 61) {
      auto x = test::extract_with(squashfs(), Blob::from_string(be.substr(0, n)));
      if (x.probed) CHECK((!x.extracted || !x.sink.warnings.empty()));
    }
  }
  SUBCASE("the id table cut off: the files are still there") {
    auto x = test::extract_with(squashfs(), Blob::from_string(be.substr(0, be.size() - 4)));
    REQUIRE_MESSAGE(x.extracted, x.error);
    CHECK(has_warning(x.sink, "truncated"));
    CHECK(x.sink.find("big.bin")->text() == fx.files().at("big.bin"));
  }
  SUBCASE("200 single-bit flips") {
    std::uint32_t rng = 4242;
    std::size_t warned = 0;
    for (int i = 0; i < 200; ++i) {
      rng = rng * 1664525 + 1013904223;
      // Half the flips hit the metadata tables at the end, half anywhere.
      std::size_t span = i % 2 == 0 ? std::min<std::size_t>(be.size(), 3000) : be.size();
      std::size_t bit = (be.size() - span) * 8 + (rng >> 4) % (span * 8);
      std::string bad = be;
      bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
      auto x = test::extract_with(squashfs(), Blob::from_string(bad));
      if (!x.sink.warnings.empty() || !x.extracted) ++warned;
    }
    CHECK(warned > 0);
  }
}

}  // namespace
}  // namespace pedigree
