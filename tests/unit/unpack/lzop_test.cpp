#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& lzop() { return *unpack::find_format("lzop"); }

/// Compresses `payload` (stored as "fw.bin", mode 0640) with the lzop tool.
std::string lzop_file(std::string_view payload, const std::string& options) {
  test::ScratchDir dir;
  dir.write("fw.bin", payload);
  REQUIRE(dir.run("chmod 0640 fw.bin && lzop -q " + options + " -o fw.lzo fw.bin"));
  return dir.read("fw.lzo");
}

TEST_CASE("lzop: round trip over several blocks, every method and checksum; exact length") {
  std::string payload = test::firmware_like(700000);  // three 256 KiB blocks
  for (const char* options : {"-1", "-9", "--crc32 -3", "--no-checksum"}) {
    CAPTURE(options);
    std::string file = lzop_file(payload, options);
    Blob blob = Blob::from_string(file + "TRAILING JUNK");
    auto size = lzop().probe(blob.view());
    REQUIRE(size.ok());
    CHECK(*size == file.size());
    auto x = test::extract_with(lzop(), blob);
    REQUIRE(x.extracted);
    CHECK(x.sink.warnings.empty());
    CHECK(x.consumed == file.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == "fw.bin");
    CHECK(x.sink.members[0].entry.mode == 0640);
    CHECK(x.sink.members[0].text() == payload);
  }
}

TEST_CASE("lzop: incompressible data is stored, an empty file has no block") {
  std::string noise = test::noise(100000, 4);
  auto x = test::extract_with(lzop(), Blob::from_string(lzop_file(noise, "")));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == noise);
  std::string empty = lzop_file("", "");
  auto e = test::extract_with(lzop(), Blob::from_string(empty));
  REQUIRE(e.extracted);
  CHECK(e.consumed == empty.size());
  REQUIRE(e.sink.members.size() == 1);
  CHECK(e.sink.members[0].data.empty());
}

TEST_CASE("lzop: a truncated file keeps the whole blocks and warns") {
  std::string payload = test::firmware_like(700000, 2);
  std::string file = lzop_file(payload, "");
  Blob cut = Blob::from_string(file.substr(0, file.size() - 1000));
  CHECK(*lzop().probe(cut.view()) == 0);
  auto x = test::extract_with(lzop(), cut);
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(!x.sink.warnings.empty());
  CHECK(x.sink.members[0].data.size() == 2 * 256 * 1024);
  CHECK(x.sink.members[0].text() == payload.substr(0, 2 * 256 * 1024));
}

TEST_CASE("lzop: a corrupted block is reported; the blocks before it stay") {
  std::string payload = test::firmware_like(700000, 5);
  std::string file = lzop_file(payload, "");
  std::string bad = file;
  bad[file.size() - 100] = static_cast<char>(bad[file.size() - 100] ^ 0x55);  // inside the last block
  auto x = test::extract_with(lzop(), Blob::from_string(bad));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].data.size() >= 2 * 256 * 1024);
  CHECK(payload.compare(0, 2 * 256 * 1024, x.sink.members[0].text(), 0, 2 * 256 * 1024) == 0);
}

TEST_CASE("lzop: the output budget stops a bomb") {
  std::string file = lzop_file(std::string(64 << 20, '\0'), "-1");
  test::check_budget_stops_bomb(lzop(), Blob::from_string(file));
}

TEST_CASE("lzop: the header checksum rejects damage and planted magics") {
  std::string file = lzop_file("hello", "");
  CHECK(lzop().probe(as_bytes(file)).ok());
  std::string bad = file;
  bad[30] = static_cast<char>(bad[30] ^ 1);  // in the mtime
  CHECK_FALSE(lzop().probe(as_bytes(bad)).ok());
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    std::string s = std::string("\x89\x4c\x5a\x4f\x00\x0d\x0a\x1a\x0a", 9) + test::noise(4096, seed);
    accepted += lzop().probe(as_bytes(s)).ok() ? 1 : 0;
  }
  CHECK(accepted == 0);
  CHECK_FALSE(lzop().probe(as_bytes(file.substr(0, 20))).ok());
}

}  // namespace
}  // namespace pedigree
