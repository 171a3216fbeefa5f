// zlib streams carved from the middle of a blob: found exactly when their
// checksum holds, never from a header alone, and at bounded cost.
#include "scanner/unpack/zlib_carve.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <random>

#include "scanner/core/hash.h"
#include "tests/support/unpack_helpers.h"

namespace pedigree {
namespace {

using Regions = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

std::string noise(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

std::string deflate_zlib(std::string_view data, int level) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                    static_cast<uLong>(data.size()), level) == Z_OK);
  out.resize(size);
  return out;
}

unpack::ZlibCarveResult carve(const std::string& blob, unpack::ZlibCarveLimits limits = {}) {
  return unpack::carve_zlib(as_bytes(blob), Regions{{0, blob.size()}}, limits);
}

struct Planted {
  std::uint64_t offset;
  std::string stream;
};

TEST_CASE("zlib carving: planted streams over noise are found at odd offsets with exact sizes") {
  std::string blob = noise(200000, 1);
  std::vector<Planted> planted = {
      {1001, deflate_zlib("a small configuration table\n", 9)},
      {50003, deflate_zlib(std::string(3000, 'k') + "tail", 1)},
      {123457, deflate_zlib(noise(5000, 9), 6)},  // incompressible: stored blocks
  };
  for (const auto& p : planted) blob.replace(p.offset, p.stream.size(), p.stream);
  auto r = carve(blob);
  REQUIRE(r.streams.size() == planted.size());
  for (std::size_t i = 0; i < planted.size(); ++i) {
    CHECK(r.streams[i].offset == planted[i].offset);
    CHECK(r.streams[i].size == planted[i].stream.size());
  }
  CHECK_FALSE(r.capped);
  CHECK_FALSE(r.timed_out);
  CHECK(r.trials > 3);  // the noise holds headers of its own, all refused
}

TEST_CASE("zlib carving: a header alone, or a stream with a wrong checksum, is not a stream") {
  std::string blob = noise(100000, 2);
  for (std::size_t at : {777U, 4099U, 65537U}) blob.replace(at, 2, "\x78\x9c");
  CHECK(carve(blob).streams.empty());

  std::string stream = deflate_zlib("payload whose Adler-32 is damaged", 9);
  stream[stream.size() - 1] = static_cast<char>(stream.back() ^ 1);
  blob.replace(3333, stream.size(), stream);
  CHECK(carve(blob).streams.empty());
}

TEST_CASE("zlib carving: only inside the regions given, and whole streams only") {
  std::string stream = deflate_zlib("inside a region", 9);
  std::string blob = noise(1000, 3) + stream + noise(1000, 4);
  CHECK(
      unpack::carve_zlib(as_bytes(blob), Regions{{0, 1000}, {1000 + stream.size(), blob.size()}}, {}).streams.empty());
  CHECK(unpack::carve_zlib(as_bytes(blob), Regions{{0, 1000 + stream.size() - 1}}, {}).streams.empty());
  CHECK(unpack::carve_zlib(as_bytes(blob), Regions{{1000, 1000 + stream.size()}}, {}).streams.size() == 1);
}

TEST_CASE("zlib carving: a blob full of headers stops at the trial cap") {
  std::string blob;
  while (blob.size() < 300000) blob += "\x78\x9c\x78\xda";
  unpack::ZlibCarveLimits limits;
  auto start = std::chrono::steady_clock::now();
  auto r = carve(blob, limits);
  CHECK(r.capped);
  CHECK(r.trials == limits.max_trials);
  CHECK(r.streams.empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("zlib carving: the output of all trials together is capped") {
  // Streams of 1 MiB of zeros whose checksums are all wrong: each trial
  // inflates it all and is refused.
  std::string stream = deflate_zlib(std::string(1U << 20, 0), 9);
  stream.back() = static_cast<char>(stream.back() ^ 1);
  std::string blob;
  for (int i = 0; i < 40; ++i) blob += stream;
  unpack::ZlibCarveLimits limits;
  limits.max_total_output = 8U << 20;
  auto r = carve(blob, limits);
  CHECK(r.capped);
  CHECK(r.streams.empty());
  CHECK(r.inflated <= limits.max_total_output + (2U << 20));
}

TEST_CASE("walker: zlib streams inside a kernel-like blob become layers, the cap a warning") {
  std::string config = "CONFIG_SQUASHFS=y\nCONFIG_SQUASHFS_XZ=y\n";
  std::string stream = deflate_zlib(config, 9);
  SUBCASE("found and extracted") {
    std::string img = noise(30001, 5) + stream + noise(20000, 6);
    auto r = test::unpack_bytes(img);
    const auto* member = test::find_member(r, "/zlib.out");
    REQUIRE(member != nullptr);
    CHECK(member->sha256 == sha256_hex(as_bytes(config)));
    CHECK(r.tree.origin(static_cast<std::uint32_t>(member - r.tree.nodes.data())) ==
          "image.bin @0x7531 zlib → /zlib.out");
    CHECK_FALSE(test::has_warning(r, "limit"));
  }
  SUBCASE("too many candidates") {
    std::string img;
    while (img.size() < 200000) img += "\x78\x01";
    img += stream;
    auto r = test::unpack_bytes(img);
    CHECK(test::has_warning(r, "limit", "zlib stream search stopped after 20000 trial decodes"));
  }
}

}  // namespace
}  // namespace pedigree
