#include <doctest/doctest.h>
#include <lz4.h>
#include <lz4frame.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& lz4() { return *unpack::find_format("lz4"); }

constexpr std::size_t kLegacyBlock = 8 << 20;

std::string le32(std::uint32_t v) {
  return {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
}

std::string lz4_frame(std::string_view payload, bool content_size = true) {
  LZ4F_preferences_t prefs{};
  prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
  prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled;
  prefs.frameInfo.blockSizeID = LZ4F_max64KB;
  prefs.frameInfo.contentSize = content_size ? payload.size() : 0;
  std::string out(LZ4F_compressFrameBound(payload.size(), &prefs), '\0');
  std::size_t n = LZ4F_compressFrame(out.data(), out.size(), payload.data(), payload.size(), &prefs);
  REQUIRE(!LZ4F_isError(n));
  out.resize(n);
  return out;
}

/// The legacy layout, block by block, as `lz4 -l` and the kernel build write it.
std::string lz4_legacy(std::string_view payload) {
  std::string out("\x02\x21\x4c\x18", 4);
  for (std::size_t off = 0; off < payload.size(); off += kLegacyBlock) {
    std::string_view chunk = payload.substr(off, kLegacyBlock);
    std::string block(LZ4_compressBound(static_cast<int>(chunk.size())), '\0');
    int n = LZ4_compress_default(chunk.data(), block.data(), static_cast<int>(chunk.size()),
                                 static_cast<int>(block.size()));
    REQUIRE(n > 0);
    out += le32(static_cast<std::uint32_t>(n)) + block.substr(0, static_cast<std::size_t>(n));
  }
  return out;
}

TEST_CASE("lz4: frame round trip; probe and extraction give the exact frame length") {
  std::string payload = test::firmware_like(300000);
  std::string frame = lz4_frame(payload);
  Blob blob = Blob::from_string(frame + "TRAILING JUNK");
  auto size = lz4().probe(blob.view());
  REQUIRE(size.ok());
  CHECK(*size == frame.size());
  auto x = test::extract_with(lz4(), blob, test::CollectingSink("initrd.lz4"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == frame.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "initrd");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("lz4: legacy stream over several blocks, followed by the kernel's size word") {
  std::string payload = test::firmware_like(kLegacyBlock + 300000, 6);
  std::string stream = lz4_legacy(payload);
  // The kernel build appends the uncompressed size; it is not part of the stream.
  auto x = test::extract_with(lz4(), Blob::from_string(stream + le32(static_cast<std::uint32_t>(payload.size()))));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == stream.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "lz4.out");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("lz4: files from the lz4 tool, frame and legacy") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(200000, 12);
  dir.write("data", payload);
  REQUIRE(dir.run("lz4 -q data frame.lz4 && lz4 -q -l data legacy.lz4"));
  for (const char* name : {"frame.lz4", "legacy.lz4"}) {
    Blob file = test::read_file(dir.path(name));
    auto x = test::extract_with(lz4(), file);
    REQUIRE(x.extracted);
    CHECK(x.consumed == file.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].text() == payload);
  }
}

TEST_CASE("lz4: truncated streams keep what decoded and warn") {
  std::string payload = test::firmware_like(kLegacyBlock + 300000, 2);
  std::string legacy = lz4_legacy(payload);
  auto x = test::extract_with(lz4(), Blob::from_string(legacy.substr(0, legacy.size() - 1000)));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(!x.sink.warnings.empty());
  CHECK(x.sink.members[0].data.size() == kLegacyBlock);
  CHECK(x.sink.members[0].text() == payload.substr(0, kLegacyBlock));

  std::string frame = lz4_frame(payload.substr(0, 300000));
  Blob cut = Blob::from_string(frame.substr(0, frame.size() / 2));
  CHECK(*lz4().probe(cut.view()) == 0);
  auto f = test::extract_with(lz4(), cut);
  REQUIRE(f.extracted);
  REQUIRE(f.sink.members.size() == 1);
  CHECK(!f.sink.warnings.empty());
  CHECK(!f.sink.members[0].data.empty());
  CHECK(payload.compare(0, f.sink.members[0].data.size(), f.sink.members[0].text()) == 0);
}

TEST_CASE("lz4: the output budget stops a bomb, frame and legacy") {
  std::string zeros(64 << 20, '\0');
  for (const std::string& stream : {lz4_frame(zeros), lz4_legacy(zeros)}) {
    test::CollectingSink sink;
    sink.budget_.max_bytes = 1 << 20;
    auto x = test::extract_with(lz4(), Blob::from_string(stream), sink);
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].data.size() == (1 << 20));
    CHECK(!x.sink.warnings.empty());
  }
}

TEST_CASE("lz4: corrupted streams warn or fail, never crash") {
  std::string payload = test::firmware_like(kLegacyBlock + 100000, 5);
  // Frames carry block checksums: every flip is noticed.
  std::string frame = lz4_frame(payload.substr(0, 300000));
  test::check_damage_survived(lz4(), frame, {std::size_t{20}, frame.size() / 2, frame.size() - 5});
  // The legacy layout has no checksum: a flipped literal decodes silently,
  // so only robustness is checked.
  std::string legacy = lz4_legacy(payload);
  for (std::size_t at : {std::size_t{4}, std::size_t{9}, legacy.size() / 2, legacy.size() - 5}) {
    std::string bad = legacy;
    bad[at] = static_cast<char>(bad[at] ^ 0x55);
    auto x = test::extract_with(lz4(), Blob::from_string(bad));
    if (x.extracted) CHECK(x.consumed <= bad.size());
  }
}

TEST_CASE("lz4: header checksum and planted magics over noise") {
  std::string frame = lz4_frame("hello");
  std::string bad_hc = frame;
  bad_hc[6 + 8] = static_cast<char>(bad_hc[6 + 8] ^ 1);  // FLG, BD, content size, then HC
  CHECK(lz4().probe(as_bytes(frame)).ok());
  CHECK_FALSE(lz4().probe(as_bytes(bad_hc)).ok());
  int accepted_frame = 0, accepted_legacy = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string noise = test::noise(8192, seed);
    accepted_frame += lz4().probe(as_bytes(std::string("\x04\x22\x4d\x18", 4) + noise)).ok() ? 1 : 0;
    accepted_legacy += lz4().probe(as_bytes(std::string("\x02\x21\x4c\x18", 4) + noise)).ok() ? 1 : 0;
    // A plausible first block size over noise: only decoding can tell.
    std::string sized = std::string("\x02\x21\x4c\x18", 4) + le32(400 + seed % 4000) + noise;
    accepted_legacy += lz4().probe(as_bytes(sized)).ok() ? 1 : 0;
  }
  CHECK(accepted_frame == 0);
  CHECK(accepted_legacy == 0);
}

}  // namespace
}  // namespace pedigree
