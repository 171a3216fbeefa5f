#include <bzlib.h>
#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& bzip2() { return *unpack::find_format("bzip2"); }

std::string bz2_bytes(std::string_view payload, int level = 9) {
  std::string out(payload.size() + payload.size() / 100 + 1024, '\0');
  auto out_len = static_cast<unsigned>(out.size());
  REQUIRE(BZ2_bzBuffToBuffCompress(out.data(), &out_len, const_cast<char*>(payload.data()),
                                   static_cast<unsigned>(payload.size()), level, 0, 0) == BZ_OK);
  out.resize(out_len);
  return out;
}

TEST_CASE("bzip2: round trip over several blocks, exact length before trailing data") {
  std::string payload = test::firmware_like(250000);
  std::string stream = bz2_bytes(payload, 1);  // 100 kB blocks: three of them
  auto x =
      test::extract_with(bzip2(), Blob::from_string(stream + "BZh9 trailing"), test::CollectingSink("rootfs.tar.bz2"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "rootfs.tar");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("bzip2: files from the bzip2 tool, including an empty one") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(80000, 4);
  dir.write("data", payload);
  dir.write("empty", "");
  REQUIRE(dir.run("bzip2 -k data && bzip2 -k empty"));
  auto x = test::extract_with(bzip2(), test::read_file(dir.path("data.bz2")));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "bzip2.out");
  CHECK(x.sink.members[0].text() == payload);
  // An empty stream is "BZh9" and the end-of-stream marker.
  Blob empty = test::read_file(dir.path("empty.bz2"));
  auto e = test::extract_with(bzip2(), empty);
  REQUIRE(e.extracted);
  CHECK(e.consumed == empty.size());
  REQUIRE(e.sink.members.size() == 1);
  CHECK(e.sink.members[0].data.empty());
}

TEST_CASE("bzip2: a truncated stream keeps the whole blocks before the cut and warns") {
  std::string payload = test::firmware_like(250000, 2);
  std::string stream = bz2_bytes(payload, 1);
  test::check_cut_keeps_prefix(bzip2(), Blob::from_string(stream.substr(0, stream.size() * 3 / 4)), payload);
}

TEST_CASE("bzip2: the output budget stops a bomb") {
  std::string stream = bz2_bytes(std::string(64 << 20, '\0'), 9);
  test::check_budget_stops_bomb(bzip2(), Blob::from_string(stream));
}

TEST_CASE("bzip2: a corrupted block warns or fails, never crashes") {
  std::string stream = bz2_bytes(test::firmware_like(250000, 5), 1);
  test::check_damage_survived(bzip2(), stream, {std::size_t{12}, stream.size() / 2, stream.size() - 6});
}

TEST_CASE("bzip2: planted magics over noise are rejected") {
  int accepted_short = 0, accepted_full = 0;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    std::string noise = test::noise(20000, seed);
    accepted_short += bzip2().probe(as_bytes("BZh9" + noise)).ok() ? 1 : 0;
    accepted_full += bzip2().probe(as_bytes(std::string("BZh91AY&SY", 10) + noise)).ok() ? 1 : 0;
  }
  CHECK(accepted_short == 0);
  MESSAGE("false accepts of a full planted header over noise: ", accepted_full);
  CHECK(accepted_full <= 1);
  CHECK_FALSE(bzip2()
                  .probe(as_bytes(std::string_view("BZh0"
                                                   "1AY&SY"
                                                   "xxxx")))
                  .ok());
}

}  // namespace
}  // namespace pedigree
