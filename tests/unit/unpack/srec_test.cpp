#include <doctest/doctest.h>

#include <cstdio>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"
#include "tests/support/stream_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& srec() { return *unpack::find_format("srec"); }

/// One S-record line with a correct checksum (or a wrong one).
std::string record(int type, std::uint64_t address, std::string_view data, bool good_checksum = true) {
  static constexpr int kAddressSize[] = {2, 2, 3, 4, 0, 2, 3, 4, 3, 2};
  int addr_size = kAddressSize[type];
  std::string bytes(1, static_cast<char>(addr_size + data.size() + 1));
  for (int i = addr_size - 1; i >= 0; --i) bytes += static_cast<char>(address >> (8 * i));
  bytes += data;
  std::uint8_t sum = 0;
  for (char c : bytes) sum = static_cast<std::uint8_t>(sum + static_cast<std::uint8_t>(c));
  bytes += static_cast<char>(static_cast<std::uint8_t>(~sum) ^ (good_checksum ? 0 : 0x5a));
  std::string line = "S" + std::to_string(type);
  for (char c : bytes) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<std::uint8_t>(c));
    line += hex;
  }
  return line + "\n";
}

TEST_CASE("srec: files from objcopy (S1 and S3) become the original bytes, named after the S0 module") {
  test::ScratchDir dir;
  std::string payload = test::firmware_like(70000);
  dir.write("fw.bin", payload);
  REQUIRE(
      dir.run("objcopy -I binary -O srec fw.bin module.srec && "
              "objcopy -I binary -O srec --change-addresses 0x80010000 fw.bin high.s37"));
  for (const char* name : {"module.srec", "high.s37"}) {
    std::string file = dir.read(name);
    auto x = test::extract_with(srec(), Blob::from_string(file + "junk after the end\n"),
                                test::CollectingSink("download.mot"));
    REQUIRE(x.extracted);
    CHECK(x.sink.warnings.empty());
    CHECK(x.consumed == file.size());
    REQUIRE(x.sink.members.size() == 1);
    CHECK(x.sink.members[0].entry.path == (std::string(name) == "module.srec" ? "module.bin" : "high.bin"));
    CHECK(x.sink.members[0].text() == payload);
  }
}

TEST_CASE("srec: without a module name the container names the image; gaps are 0xff; counts are checked") {
  std::string file =
      record(2, 0x010000, "ABCD") + record(2, 0x010008, "EFGH") + record(5, 2, "") + record(8, 0x010000, "");
  auto x = test::extract_with(srec(), Blob::from_string(file), test::CollectingSink("dir/boot.s28"));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.empty());
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "boot.bin");
  CHECK(x.sink.members[0].text() ==
        "ABCD\xff\xff\xff\xff"
        "EFGH");
  std::string miscounted = record(1, 0, "ABCD") + record(5, 7, "") + record(9, 0, "");
  auto m = test::extract_with(srec(), Blob::from_string(miscounted));
  REQUIRE(m.extracted);
  CHECK(m.sink.warnings.size() == 1);
}

TEST_CASE("srec: a line with a bad checksum is warned about and skipped") {
  std::string file =
      record(0, 0, "fw") + record(1, 0, "1111") + record(1, 4, "2222", false) + record(1, 8, "3333") + record(9, 0, "");
  CHECK(srec().probe(as_bytes(file)).ok());
  auto x = test::extract_with(srec(), Blob::from_string(file));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("line 3") != std::string::npos);
  CHECK(x.sink.warnings[0].find("checksum") != std::string::npos);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].entry.path == "fw.bin");
  CHECK(x.sink.members[0].text() ==
        "1111\xff\xff\xff\xff"
        "3333");
}

TEST_CASE("srec: hostile addresses give one member per run, not a 4 GiB image") {
  std::string file = record(3, 0, "low!") + record(3, 0xfffffff0, "high") + record(7, 0, "");
  auto x = test::extract_with(srec(), Blob::from_string(file), test::CollectingSink("evil.srec"));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 2);
  CHECK(x.sink.members[0].entry.path == "evil@0x00000000.bin");
  CHECK(x.sink.members[0].text() == "low!");
  CHECK(x.sink.members[1].entry.path == "evil@0xfffffff0.bin");
  CHECK(x.sink.members[1].text() == "high");
  // Overlapping records inside one run: the later one wins.
  std::string overlap =
      record(3, 0x100, "AAAAAAAA") + record(3, 0x102, "BB") + record(3, 0xfffff000, "C") + record(7, 0, "");
  auto o = test::extract_with(srec(), Blob::from_string(overlap));
  REQUIRE(o.sink.members.size() == 2);
  CHECK(o.sink.members[0].text() == "AABBAAAA");
}

TEST_CASE("srec: a truncated file keeps the complete records and warns about the cut line") {
  std::string file = record(1, 0, "1111") + record(1, 4, "2222") + record(1, 8, "3333") + record(9, 0, "");
  auto x = test::extract_with(srec(), Blob::from_string(file.substr(0, file.find("33333333") + 3)));
  REQUIRE(x.extracted);
  CHECK(x.sink.warnings.size() == 1);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == "11112222");
}

TEST_CASE("srec: probe rejects text and noise that merely start like a record") {
  CHECK_FALSE(srec().carvable());
  CHECK_FALSE(srec().probe(as_bytes(std::string_view("S1 is a section name\nS2 too\n"))).ok());
  CHECK_FALSE(srec().probe(as_bytes(record(4, 0, "reserved") + record(4, 0, "reserved"))).ok());
  int accepted = 0;
  for (std::uint64_t seed = 0; seed < 1000; ++seed)
    accepted += srec().probe(as_bytes("S1" + test::noise(512, seed))).ok();
  CHECK(accepted == 0);
}

}  // namespace
}  // namespace pedigree
