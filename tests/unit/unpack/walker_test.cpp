// The walker against hostile and degenerate inputs: it must scan what it can,
// stop at every limit with a warning, and never crash, hang or balloon.
#include <doctest/doctest.h>
#include <zlib.h>

#include <chrono>
#include <random>
#include <thread>

#include "scanner/core/hash.h"
#include "tests/support/unpack_helpers.h"

namespace pedigree {
namespace {

using test::has_warning;
using test::unpack_bytes;

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

/// A gzip stream of `gib` GiB of zeros, built without compressing them all:
/// after a sync flush over an all-zero window, every further MiB of zeros
/// deflates to the same bytes, so the block is repeated.
std::string zero_bomb(unsigned gib) {
  const std::string mib(1 << 20, '\0');
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  auto flush_chunk = [&](int mode) {
    std::string out(1 << 16, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(mib.data()));
    zs.avail_in = mode == Z_FINISH ? 0 : static_cast<uInt>(mib.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, mode);
    out.resize(out.size() - zs.avail_out);
    return out;
  };
  std::string first = flush_chunk(Z_SYNC_FLUSH);
  std::string second = flush_chunk(Z_SYNC_FLUSH);
  std::string third = flush_chunk(Z_SYNC_FLUSH);
  REQUIRE(second == third);  // the premise of the construction
  std::string finish = flush_chunk(Z_FINISH);
  deflateEnd(&zs);

  std::uint64_t total = static_cast<std::uint64_t>(gib) << 30;
  std::string gz("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10);
  gz += first;
  for (std::uint64_t done = 1 << 20; done < total; done += 1 << 20) gz += second;
  gz += finish;
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(mib.data()), static_cast<uInt>(mib.size()));
  uLong crc_all = crc;
  for (std::uint64_t done = 1 << 20; done < total; done += 1 << 20) crc_all = crc32_combine(crc_all, crc, 1 << 20);
  for (int i = 0; i < 4; ++i) gz += static_cast<char>((crc_all >> (8 * i)) & 0xff);
  for (int i = 0; i < 4; ++i) gz += static_cast<char>((total >> (8 * i)) & 0xff);
  return gz;
}

TEST_CASE("walker: an empty file is a valid, empty image") {
  auto r = unpack_bytes("");
  REQUIRE(r.tree.nodes.size() == 1);
  CHECK(r.tree.nodes[0].size == 0);
  CHECK(r.warnings.empty());
}

TEST_CASE("walker: a one-byte file is one unknown byte") {
  auto r = unpack_bytes("\x1f");
  REQUIRE(r.tree.nodes.size() == 2);
  CHECK(r.tree.nodes[1].kind == unpack::NodeKind::kUnknown);
  CHECK(r.tree.nodes[1].size == 1);
}

TEST_CASE("walker: 8 MiB of random bytes is one unknown region flagged as possibly encrypted") {
  auto r = unpack_bytes(random_bytes(8 << 20, 1));
  std::uint64_t unknown = 0;
  for (const auto& n : r.tree.nodes) unknown += n.kind == unpack::NodeKind::kUnknown ? n.size : 0;
  CHECK(unknown == (8 << 20));
  CHECK(has_warning(r, "encrypted"));
}

TEST_CASE("walker: carves streams at any offset and keeps the gaps with their entropy") {
  std::string payload = "firmware payload " + std::string(5000, 'x');
  std::string img = std::string(4096, '\xff') + test::gzip(payload) + random_bytes(1000, 2);
  auto r = unpack_bytes(img);
  const auto* member = test::find_member(r, "/gzip.out");
  REQUIRE(member != nullptr);
  CHECK(member->sha256 == sha256_hex(as_bytes(payload)));
  CHECK(r.tree.origin(static_cast<std::uint32_t>(member - r.tree.nodes.data())) ==
        "image.bin @0x1000 gzip → /gzip.out");
  std::vector<std::string> gap_kinds;
  for (const auto& n : r.tree.nodes) {
    if (n.kind == unpack::NodeKind::kUnknown) gap_kinds.push_back(n.format);
  }
  CHECK(gap_kinds == std::vector<std::string>{"padding", "unknown"});
}

TEST_CASE("walker: a gzip bomb nested twice stops at the ratio limit") {
  std::string bomb = test::gzip(zero_bomb(4));
  auto r = unpack_bytes(bomb);
  CHECK(has_warning(r, "parse", "limit"));
  CHECK(r.bytes_out < (128ULL << 20));
}

TEST_CASE("walker: the total-output limit stops extraction and says so") {
  Limits limits;
  limits.max_ratio = 0;
  limits.max_total_bytes = 8 << 20;
  auto r = unpack_bytes(test::gzip(zero_bomb(1)), limits);
  CHECK(r.bytes_out <= (8 << 20) + (1 << 20));
  CHECK((has_warning(r, "limit") || has_warning(r, "parse", "limit")));
}

TEST_CASE("walker: 60 levels of nesting stop at the depth limit") {
  std::string blob = "innermost";
  for (int i = 0; i < 60; ++i) blob = test::gzip(blob);
  auto r = unpack_bytes(blob);
  std::uint32_t deepest = 0;
  for (const auto& n : r.tree.nodes) deepest = std::max(deepest, n.depth);
  CHECK(deepest == Limits{}.max_depth);
  CHECK(has_warning(r, "limit", "nesting depth"));
}

TEST_CASE("walker: the same image gives the same tree whatever the thread count") {
  std::string img;
  for (int i = 0; i < 40; ++i) img += test::gzip("member " + std::to_string(i) + std::string(i * 100, 'z'));
  Limits one;
  one.jobs = 1;
  Limits two;
  two.jobs = 2;
  auto a = unpack_bytes(img, one);
  auto b = unpack_bytes(img, two);
  REQUIRE(a.tree.nodes.size() == b.tree.nodes.size());
  for (std::size_t i = 0; i < a.tree.nodes.size(); ++i) {
    CHECK(a.tree.origin(static_cast<std::uint32_t>(i)) == b.tree.origin(static_cast<std::uint32_t>(i)));
    CHECK(a.tree.nodes[i].sha256 == b.tree.nodes[i].sha256);
  }
}

/// Makes every member slow to look at, as a huge image would be.
class SlowVisitor final : public unpack::NodeVisitor {
 public:
  void visit(const std::vector<const unpack::Node*>&, const Blob&, std::vector<std::string>&) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
};

TEST_CASE("walker: the wall-clock budget ends a scan early with a warning") {
  std::string img;
  for (int i = 0; i < 200; ++i) img += test::gzip("member " + std::to_string(i));
  Limits limits;
  limits.max_seconds = 1;
  limits.jobs = 1;
  SlowVisitor slow;
  auto start = std::chrono::steady_clock::now();
  auto r = unpack::unpack_image(Blob::from_string(img), "image.bin", limits, &slow);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  CHECK(has_warning(r, "limit", "time limit"));
}

}  // namespace
}  // namespace pedigree
