#include <doctest/doctest.h>
#include <lzma.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& xz() { return *unpack::find_format("xz"); }

std::string xz_bytes(std::string_view payload, std::uint32_t preset = 6) {
  std::string out(lzma_stream_buffer_bound(payload.size()), '\0');
  std::size_t pos = 0;
  lzma_ret rc =
      lzma_easy_buffer_encode(preset, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const std::uint8_t*>(payload.data()),
                              payload.size(), reinterpret_cast<std::uint8_t*>(out.data()), &pos, out.size());
  REQUIRE(rc == LZMA_OK);
  out.resize(pos);
  return out;
}

TEST_CASE("xz: round trip, member named after the container, exact length before trailing data") {
  std::string payload = test::firmware_like(300000);
  std::string stream = xz_bytes(payload);
  auto x =
      test::extract_with(xz(), Blob::from_string(stream + "TRAILING JUNK"), test::CollectingSink("rootfs.squashfs.xz"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "rootfs.squashfs");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("xz: a stream made by the xz tool decodes; unnamed containers give xz.out") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(100000, 7);
  dir.write("in.bin", payload);
  REQUIRE(dir.run("xz -k -9 --check=crc32 in.bin"));
  auto x = test::extract_with(xz(), test::read_file(dir.path("in.bin.xz")));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "xz.out");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("xz: a truncated stream keeps what decoded and warns") {
  std::string payload = test::firmware_like(400000, 3);
  std::string stream = xz_bytes(payload, 1);
  test::check_cut_keeps_prefix(xz(), Blob::from_string(stream.substr(0, stream.size() / 2)), payload);
}

/// 64 MiB of zeros in about 10 KiB, encoded with the longest matches (fast).
std::string xz_zero_bomb() {
  lzma_options_lzma opt;
  lzma_lzma_preset(&opt, 0);
  opt.nice_len = 273;
  lzma_filter filters[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};
  std::string zeros(64 << 20, '\0');
  std::string out(1 << 20, '\0');
  std::size_t pos = 0;
  REQUIRE(lzma_stream_buffer_encode(filters, LZMA_CHECK_NONE, nullptr,
                                    reinterpret_cast<const std::uint8_t*>(zeros.data()), zeros.size(),
                                    reinterpret_cast<std::uint8_t*>(out.data()), &pos, out.size()) == LZMA_OK);
  out.resize(pos);
  return out;
}

TEST_CASE("xz: the output budget stops a bomb") {
  std::string stream = xz_zero_bomb();
  test::check_budget_stops_bomb(xz(), Blob::from_string(stream));
}

TEST_CASE("xz: a corrupted stream warns or fails, never crashes") {
  std::string payload = test::firmware_like(200000, 5);
  std::string stream = xz_bytes(payload);
  for (std::size_t at : {std::size_t{40}, stream.size() / 2, stream.size() - 10}) {
    std::string bad = stream;
    bad[at] = static_cast<char>(bad[at] ^ 0x55);
    auto x = test::extract_with(xz(), Blob::from_string(bad));
    CHECK(x.probed);
    CHECK((!x.extracted || !x.sink.warnings.empty()));
  }
}

TEST_CASE("xz: the stream header CRC rejects a stray magic") {
  std::string stream = xz_bytes("x");
  CHECK(xz().probe(as_bytes(stream)).ok());
  std::string bad_crc = stream;
  bad_crc[9] = static_cast<char>(bad_crc[9] ^ 1);
  CHECK_FALSE(xz().probe(as_bytes(bad_crc)).ok());
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string noise = std::string("\xfd\x37\x7a\x58\x5a\x00", 6) + test::noise(64, seed);
    accepted += xz().probe(as_bytes(noise)).ok() ? 1 : 0;
  }
  CHECK(accepted == 0);
  CHECK_FALSE(xz().probe(as_bytes(stream.substr(0, 8))).ok());
}

}  // namespace
}  // namespace pedigree
