#include <doctest/doctest.h>
#include <zstd.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& zstd() { return *unpack::find_format("zstd"); }

std::string zstd_bytes(std::string_view payload, int level = 3, bool checksum = true) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, checksum ? 1 : 0);
  std::string out(ZSTD_compressBound(payload.size()), '\0');
  std::size_t n = ZSTD_compress2(cctx, out.data(), out.size(), payload.data(), payload.size());
  ZSTD_freeCCtx(cctx);
  REQUIRE(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

TEST_CASE("zstd: round trip; probe and extraction give the exact frame length") {
  std::string payload = test::firmware_like(600000);
  for (bool checksum : {true, false}) {
    std::string frame = zstd_bytes(payload, 3, checksum);
    Blob blob = Blob::from_string(frame + "TRAILING JUNK");
    auto size = zstd().probe(blob.view());
    REQUIRE(size.ok());
    CHECK(*size == frame.size());
    auto x = test::extract_with(zstd(), blob, test::CollectingSink("rootfs.ext4.zst"));
    REQUIRE(x.extracted);
    CHECK(x.sink.warnings.empty());
    CHECK(x.consumed == frame.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == "rootfs.ext4");
    CHECK(x.sink.members[0].text() == payload);
  }
}

TEST_CASE("zstd: frames from the zstd tool, small (single segment) and empty") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(3000, 8);
  dir.write("small", payload);
  dir.write("empty", "");
  REQUIRE(dir.run("zstd -q -19 small && zstd -q empty"));
  for (auto [name, content] : {std::pair{"small.zst", payload}, std::pair{"empty.zst", std::string()}}) {
    Blob file = test::read_file(dir.path(name));
    auto x = test::extract_with(zstd(), file);
    REQUIRE(x.extracted);
    CHECK(x.consumed == file.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == "zstd.out");
    CHECK(x.sink.members[0].text() == content);
  }
}

TEST_CASE("zstd: a truncated frame keeps what decoded and warns") {
  std::string payload = test::firmware_like(600000, 2);
  std::string frame = zstd_bytes(payload);
  Blob cut = Blob::from_string(frame.substr(0, frame.size() / 2));
  CHECK(*zstd().probe(cut.view()) == 0);  // length unknown: extraction tells
  test::check_cut_keeps_prefix(zstd(), cut, payload);
}

TEST_CASE("zstd: the output budget stops a bomb") {
  std::string frame = zstd_bytes(std::string(64 << 20, '\0'), 1);
  test::check_budget_stops_bomb(zstd(), Blob::from_string(frame));
}

TEST_CASE("zstd: a corrupted frame warns or fails, never crashes") {
  std::string frame = zstd_bytes(test::firmware_like(300000, 5));
  test::check_damage_survived(zstd(), frame, {std::size_t{9}, frame.size() / 2, frame.size() - 2});
}

TEST_CASE("zstd: a frame with a window beyond the decoder's limit is recognised; extraction says why it fails") {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, 28);
  std::string payload = test::firmware_like(10000);
  std::string out(ZSTD_compressBound(payload.size()) + 64, '\0');
  ZSTD_inBuffer in{payload.data(), payload.size(), 0};
  ZSTD_outBuffer ob{out.data(), out.size(), 0};
  // Continue first, so the size is not known up front and the window stays.
  ZSTD_compressStream2(cctx, &ob, &in, ZSTD_e_continue);
  ZSTD_inBuffer none{nullptr, 0, 0};
  REQUIRE(ZSTD_compressStream2(cctx, &ob, &none, ZSTD_e_end) == 0);
  ZSTD_freeCCtx(cctx);
  out.resize(ob.pos);
  auto size = zstd().probe(as_bytes(out));
  REQUIRE(size.ok());
  CHECK(*size == out.size());
  auto x = test::extract_with(zstd(), Blob::from_string(out));
  CHECK_FALSE(x.extracted);
  CHECK(x.error.find("memory") != std::string::npos);
}

TEST_CASE("zstd: frame header checks and planted magics over noise") {
  std::string frame = zstd_bytes("hello");
  std::string reserved = frame;
  reserved[4] = static_cast<char>(reserved[4] | 0x08);
  CHECK_FALSE(zstd().probe(as_bytes(reserved)).ok());
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string s = std::string("\x28\xb5\x2f\xfd", 4) + test::noise(8192, seed);
    accepted += zstd().probe(as_bytes(s)).ok() ? 1 : 0;
  }
  MESSAGE("false accepts over noise: ", accepted);
  CHECK(accepted == 0);
}

}  // namespace
}  // namespace pedigree
