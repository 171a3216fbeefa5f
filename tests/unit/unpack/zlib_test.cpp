#include <doctest/doctest.h>
#include <zlib.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& zlib() { return *unpack::find_format("zlib"); }

std::string zlib_bytes(std::string_view payload, int level = Z_DEFAULT_COMPRESSION) {
  uLongf n = compressBound(static_cast<uLong>(payload.size()));
  std::string out(n, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(payload.data()),
                    static_cast<uLong>(payload.size()), level) == Z_OK);
  out.resize(n);
  return out;
}

TEST_CASE("zlib: round trip at every level, exact length before trailing data") {
  std::string payload = test::firmware_like(200000);
  for (int level : {1, 6, 9}) {
    std::string stream = zlib_bytes(payload, level);
    auto x =
        test::extract_with(zlib(), Blob::from_string(stream + "TRAILING JUNK"), test::CollectingSink("config.zlib"));
    REQUIRE(x.extracted);
    CHECK(x.sink.warnings.empty());
    CHECK(x.consumed == stream.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == "config");
    CHECK(x.sink.members[0].text() == payload);
  }
}

TEST_CASE("zlib: only at the start of a file; the usual headers are magics") {
  CHECK_FALSE(zlib().carvable());
  int found = 0;
  for (const auto& m : zlib().magics()) {
    for (std::string_view common : {"\x78\x01", "\x78\x5e", "\x78\x9c", "\x78\xda"}) found += m.bytes == common ? 1 : 0;
  }
  CHECK(found == 4);
}

TEST_CASE("zlib: a truncated stream keeps what decoded and warns") {
  std::string payload = test::firmware_like(300000, 3);
  std::string stream = zlib_bytes(payload);
  test::check_cut_keeps_prefix(zlib(), Blob::from_string(stream.substr(0, stream.size() / 2)), payload);
}

TEST_CASE("zlib: the output budget stops a bomb") {
  std::string stream = zlib_bytes(std::string(64 << 20, '\0'), 1);
  test::check_budget_stops_bomb(zlib(), Blob::from_string(stream));
}

TEST_CASE("zlib: a corrupted stream warns or fails, never crashes") {
  std::string stream = zlib_bytes(test::firmware_like(200000, 5));
  test::check_damage_survived(zlib(), stream, {std::size_t{5}, stream.size() / 2, stream.size() - 2});
}

TEST_CASE("zlib: header checks and planted headers over noise") {
  CHECK_FALSE(zlib()
                  .probe(as_bytes(std::string_view("\x78\x9d"
                                                   "abcdef")))
                  .ok());  // FCHECK wrong
  CHECK_FALSE(zlib()
                  .probe(as_bytes(std::string_view("\x78\xbb"
                                                   "abcdef")))
                  .ok());  // FDICT set
  CHECK_FALSE(zlib()
                  .probe(as_bytes(std::string_view("\x88\x98"
                                                   "abcdef")))
                  .ok());  // CINFO 8
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    accepted += zlib().probe(as_bytes("\x78\x9c" + test::noise(8192, seed))).ok() ? 1 : 0;
  }
  MESSAGE("false accepts over noise: ", accepted);
  CHECK(accepted <= 5);
}

}  // namespace
}  // namespace pedigree
