#include <doctest/doctest.h>
#include <lzma.h>

#include <cstring>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& lzma() { return *unpack::find_format("lzma"); }

std::string run_encoder(lzma_stream& s, std::string_view payload) {
  std::string out(payload.size() + payload.size() / 2 + 4096, '\0');
  s.next_in = reinterpret_cast<const std::uint8_t*>(payload.data());
  s.avail_in = payload.size();
  s.next_out = reinterpret_cast<std::uint8_t*>(out.data());
  s.avail_out = out.size();
  REQUIRE(lzma_code(&s, LZMA_FINISH) == LZMA_STREAM_END);
  out.resize(out.size() - s.avail_out);
  lzma_end(&s);
  return out;
}

/// LZMA-alone as xz-utils writes it: size unknown, end marker.
std::string lzma_alone(std::string_view payload, std::uint32_t preset = 6) {
  lzma_options_lzma opt;
  lzma_lzma_preset(&opt, preset);
  opt.nice_len = 273;  // longest matches: fast on the zero bomb
  lzma_stream s = LZMA_STREAM_INIT;
  REQUIRE(lzma_alone_encoder(&s, &opt) == LZMA_OK);
  return run_encoder(s, payload);
}

/// LZMA-alone as kernel and U-Boot tools write it: size known, no end marker.
std::string lzma_sized(std::string_view payload) {
  lzma_options_lzma opt;
  lzma_lzma_preset(&opt, 6);
  opt.ext_flags = 0;
  opt.ext_size_low = static_cast<std::uint32_t>(payload.size());
  opt.ext_size_high = 0;
  lzma_filter filters[] = {{LZMA_FILTER_LZMA1EXT, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};
  lzma_stream s = LZMA_STREAM_INIT;
  REQUIRE(lzma_raw_encoder(&s, filters) == LZMA_OK);
  std::string header(13, '\0');
  header[0] = 0x5d;
  for (int i = 0; i < 4; ++i) header[1 + i] = static_cast<char>(opt.dict_size >> (8 * i));
  for (int i = 0; i < 8; ++i) header[5 + i] = static_cast<char>(std::uint64_t{payload.size()} >> (8 * i));
  return header + run_encoder(s, payload);
}

TEST_CASE("lzma: round trip with end marker, exact length before trailing data") {
  std::string payload = test::firmware_like(300000);
  std::string stream = lzma_alone(payload);
  CHECK(stream.substr(0, 5) == std::string("\x5d\x00\x00\x80\x00", 5));  // what the magics expect
  auto x = test::extract_with(lzma(), Blob::from_string(stream + "TRAILING JUNK"), test::CollectingSink("uImage.lzma"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "uImage");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("lzma: size in the header and no end marker, as kernels are packed") {
  std::string payload = test::firmware_like(200000, 9);
  std::string stream = lzma_sized(payload);
  auto x = test::extract_with(lzma(), Blob::from_string(stream));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "lzma.out");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("lzma: a file from the lzma tool (-9, 64 MiB dictionary) decodes") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(50000, 11);
  dir.write("vmlinux", payload);
  REQUIRE(dir.run("lzma -k -9 vmlinux"));
  Blob file = test::read_file(dir.path("vmlinux.lzma"));
  auto x = test::extract_with(lzma(), file);
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == payload);
  CHECK(x.consumed == file.size());
}

TEST_CASE("lzma: a truncated stream keeps what decoded and warns") {
  std::string payload = test::firmware_like(400000, 3);
  std::string stream = lzma_sized(payload);
  test::check_cut_keeps_prefix(lzma(), Blob::from_string(stream.substr(0, stream.size() / 2)), payload);
}

TEST_CASE("lzma: the output budget stops a bomb") {
  std::string stream = lzma_alone(std::string(64 << 20, '\0'), 0);
  test::check_budget_stops_bomb(lzma(), Blob::from_string(stream));
}

TEST_CASE("lzma: a corrupted stream warns or fails, never crashes") {
  std::string stream = lzma_alone(test::firmware_like(200000, 5));
  test::check_damage_survived(lzma(), stream, {std::size_t{20}, stream.size() / 2, stream.size() - 3});
}

TEST_CASE("lzma: header fields out of range are rejected") {
  std::string good = lzma_alone("hello, firmware");
  CHECK(lzma().probe(as_bytes(good)).ok());
  auto with = [&](std::size_t at, char c) {
    std::string s = good;
    s[at] = c;
    return lzma().probe(as_bytes(s)).ok();
  };
  CHECK_FALSE(with(0, '\xe1'));  // properties >= 225
  CHECK_FALSE(with(0, 0x67));    // lc 4 + lp 1 > 4
  CHECK_FALSE(with(1, 0x01));    // dictionary not 2^n or 2^n + 2^(n-1)
  CHECK_FALSE(with(12, 0x01));   // uncompressed size of petabytes
  CHECK_FALSE(with(13, 0x01));   // range coder must start with zero
}

TEST_CASE("lzma: planted header prefixes over noise are rejected") {
  // Fully random after the first three bytes, as a stray "5d 00 00" in a binary.
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string s = std::string("\x5d\x00\x00", 3) + test::noise(4096, seed);
    accepted += lzma().probe(as_bytes(s)).ok() ? 1 : 0;
  }
  CHECK(accepted == 0);
  // A perfect header (8 MiB dictionary, size unknown or plausible), zero range
  // coder byte, then noise: only the trial decode can tell.
  int accepted_unknown = 0, accepted_sized = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string body = std::string(1, '\0') + test::noise(32768, seed + 5000);
    std::string unknown = std::string("\x5d\x00\x00\x80\x00\xff\xff\xff\xff\xff\xff\xff\xff", 13) + body;
    std::string sized = std::string("\x5d\x00\x00\x80\x00\x00\x00\x10\x00\x00\x00\x00\x00", 13) + body;
    accepted_unknown += lzma().probe(as_bytes(unknown)).ok() ? 1 : 0;
    accepted_sized += lzma().probe(as_bytes(sized)).ok() ? 1 : 0;
  }
  MESSAGE("false accepts over noise: ", accepted_unknown, " (size unknown), ", accepted_sized, " (size known)");
  CHECK(accepted_unknown <= 1);
  CHECK(accepted_sized <= 1);
}

}  // namespace
}  // namespace pedigree
