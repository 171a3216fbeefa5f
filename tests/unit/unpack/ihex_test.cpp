#include <doctest/doctest.h>

#include <cstdio>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& ihex() { return *unpack::find_format("ihex"); }

/// One Intel HEX record line with a correct checksum (or a wrong one).
std::string record(int type, std::uint16_t offset, std::string_view data, bool good_checksum = true) {
  std::string bytes = {static_cast<char>(data.size()), static_cast<char>(offset >> 8), static_cast<char>(offset),
                       static_cast<char>(type)};
  bytes += data;
  std::uint8_t sum = 0;
  for (char c : bytes) sum = static_cast<std::uint8_t>(sum + static_cast<std::uint8_t>(c));
  bytes += static_cast<char>(static_cast<std::uint8_t>(-sum) ^ (good_checksum ? 0 : 0x5a));
  std::string line = ":";
  for (char c : bytes) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<std::uint8_t>(c));
    line += hex;
  }
  return line + "\r\n";
}

std::string linear(std::uint16_t upper) {
  return record(4, 0, std::string{static_cast<char>(upper >> 8), static_cast<char>(upper)});
}
const std::string kEof = record(1, 0, "");

TEST_CASE("ihex: a file from objcopy becomes the original bytes; exact length before trailing data") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(100000);  // crosses 64 KiB: extended linear records
  dir.write("fw.bin", payload);
  REQUIRE(dir.run("objcopy -I binary -O ihex --change-addresses 0x08000000 fw.bin fw.hex"));
  std::string file = dir.read("fw.hex");
  auto x = test::extract_with(ihex(), Blob::from_string(file + "garbage after the end record\n"),
                              test::CollectingSink("fw.hex"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  CHECK(x.consumed == file.size());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "fw.bin");
  CHECK(x.sink.members[0].text() == payload);
}

TEST_CASE("ihex: gaps are filled with 0xff; segment addresses are paragraphs") {
  std::string file = record(2, 0, std::string("\x10\x00", 2)) +  // base 0x10000
                     record(0, 0x0100, "ABCD") + record(0, 0x0108, "EFGH") + kEof;
  auto x = test::extract_with(ihex(), Blob::from_string(file), test::CollectingSink("boot.ihx"));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "boot.bin");
  CHECK(x.sink.members[0].text() ==
        "ABCD\xff\xff\xff\xff"
        "EFGH");
}

TEST_CASE("ihex: a line with a bad checksum is warned about and skipped") {
  std::string file =
      record(0, 0, "1111") + record(0, 4, "2222") + record(0, 8, "3333", false) + record(0, 12, "4444") + kEof;
  CHECK(ihex().probe(as_bytes(file)).ok());
  auto x = test::extract_with(ihex(), Blob::from_string(file));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("line 3") != std::string::npos);
  CHECK(x.sink.warnings[0].find("checksum") != std::string::npos);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() ==
        "11112222\xff\xff\xff\xff"
        "4444");
}

TEST_CASE("ihex: hostile addresses give one member per run, not a 4 GiB image") {
  std::string file = record(0, 0, "low!") + linear(0xffff) + record(0, 0xfff0, "high") + kEof;
  auto x = test::extract_with(ihex(), Blob::from_string(file), test::CollectingSink("evil.hex"));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 2);
  CHECK(x.sink.members[0].entry.path == "evil@0x00000000.bin");
  CHECK(x.sink.members[0].text() == "low!");
  CHECK(x.sink.members[1].entry.path == "evil@0xfffffff0.bin");
  CHECK(x.sink.members[1].text() == "high");
}

TEST_CASE("ihex: a span within the budget but beyond the sanity bound is split, within both it is one image") {
  std::string file = record(0, 0, "a") + linear(0x0040) + record(0, 0, "b") + kEof;  // 4 MiB apart
  auto split = test::extract_with(ihex(), Blob::from_string(file));
  CHECK(split.sink.members.size() == 2);
  std::string near = record(0, 0, "a") + linear(0x0008) + record(0, 0, "b") + kEof;  // 512 KiB apart
  auto flat = test::extract_with(ihex(), Blob::from_string(near));
  REQUIRE(flat.sink.members.size() == 1);
  CHECK(flat.sink.members[0].data.size() == 0x80001);
  test::CollectingSink small;
  small.budget_.max_bytes = 4096;
  auto capped = test::extract_with(ihex(), Blob::from_string(near), small);
  CHECK(capped.sink.members.size() == 2);
}

TEST_CASE("ihex: a truncated file keeps the complete records and warns about the cut line") {
  std::string file = record(0, 0, "1111") + record(0, 4, "2222") + record(0, 8, "3333") + kEof;
  auto x = test::extract_with(ihex(), Blob::from_string(file.substr(0, file.find("33333333") + 3)));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.size() == 1);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == "11112222");
}

TEST_CASE("ihex: many bad lines give a bounded number of warnings") {
  std::string file = record(0, 0, "good") + record(0, 4, "good") + record(0, 8, "good");
  for (int i = 0; i < 500; ++i) file += record(0, 12, "bad!", false);
  auto x = test::extract_with(ihex(), Blob::from_string(file + kEof));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.size() <= 11);
  CHECK(x.sink.warnings.back().find("490 more") != std::string::npos);
}

TEST_CASE("ihex: probe rejects text and noise that merely start with a colon") {
  CHECK_FALSE(ihex().carvable());
  CHECK_FALSE(ihex().probe(as_bytes(std::string_view(":10 this is a label\nmov r0, r1\n"))).ok());
  CHECK_FALSE(ihex().probe(as_bytes(record(0, 0, "x", false) + record(0, 1, "y", false))).ok());
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed)
    accepted += ihex().probe(as_bytes(":1" + test::noise(512, seed))).ok();
  CHECK(accepted == 0);
  // All hex digits, no line break: rejected on the line's length, not decoded.
  CHECK_FALSE(ihex().probe(as_bytes(":10" + std::string(4 << 20, '0'))).ok());
}

}  // namespace
}  // namespace pedigree
