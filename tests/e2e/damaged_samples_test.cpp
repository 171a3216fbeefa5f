// Damaged real images: truncated at many points and with random bit flips in
// their file systems. The scan must finish, keep what survives and warn —
// never crash or hang (these also run under ASan + UBSan).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "scanner/core/blob.h"
#include "scanner/scan.h"
#include "scanner/unpack/walker.h"
#include "tests/support/manifest.h"

namespace pedigree {
namespace {

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  auto b = Blob::map_file(path);
  REQUIRE_MESSAGE(b.ok(), path);
  return {b->data(), b->data() + b->size()};
}

unpack::UnpackResult scan_bytes(std::vector<std::uint8_t> bytes) {
  Limits limits;
  limits.max_seconds = 60;
  return unpack::unpack_image(Blob::from_vector(std::move(bytes)), "damaged.bin", limits, nullptr);
}

/// The bytes of the first layer of this format in a sample image.
std::vector<std::uint8_t> layer_bytes(const std::string& sample, const std::string& format) {
  auto image = read_bytes(test::sample_path(sample, "image.bin"));
  auto r = scan_image(test::sample_path(sample, "image.bin"), Limits{});
  REQUIRE(r.ok());
  for (const auto& l : r->layers) {
    if (l.format == format && l.depth == 1) {
      return {image.begin() + static_cast<std::ptrdiff_t>(l.offset),
              image.begin() + static_cast<std::ptrdiff_t>(l.offset + l.size)};
    }
  }
  FAIL("no " << format << " layer in " << sample);
  return {};
}

std::size_t count_files(const unpack::UnpackResult& r) {
  return static_cast<std::size_t>(std::count_if(r.tree.nodes.begin(), r.tree.nodes.end(),
                                                [](const auto& n) { return n.kind == unpack::NodeKind::kFile; }));
}

void flip_bits_and_scan(const std::vector<std::uint8_t>& original, unsigned rounds, unsigned seed) {
  std::mt19937 rng(seed);
  for (unsigned i = 0; i < rounds; ++i) {
    auto bytes = original;
    unsigned flips = 1 + rng() % 16;
    for (unsigned f = 0; f < flips; ++f) bytes[rng() % bytes.size()] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
    auto r = scan_bytes(std::move(bytes));
    CHECK(!r.tree.nodes.empty());
  }
}

TEST_SUITE("samples") {
  TEST_CASE("samples: a sysupgrade truncated at 40 points scans what remains and warns") {
    auto image = read_bytes(test::sample_path("mips-sysupgrade", "image.bin"));
    std::size_t whole = count_files(scan_bytes(image));
    for (int i = 1; i <= 40; ++i) {
      std::size_t cut = image.size() * static_cast<std::size_t>(i) / 41;
      auto r = scan_bytes({image.begin(), image.begin() + static_cast<std::ptrdiff_t>(cut)});
      CHECK(count_files(r) <= whole);
      if (cut > 0x4a0000 + 4096) CHECK_MESSAGE(!r.warnings.empty(), "no warning when cut at " << cut);
    }
  }

  TEST_CASE("samples: random bit flips in a real SquashFS never crash the scan") {
    flip_bits_and_scan(layer_bytes("mips-sysupgrade", "squashfs"), 40, 7);
  }

  TEST_CASE("samples: random bit flips in a real JFFS2 never crash the scan") {
    flip_bits_and_scan(layer_bytes("arm-nand", "jffs2"), 40, 11);
  }
}

}  // namespace
}  // namespace pedigree
