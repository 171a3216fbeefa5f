#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& trx() {
  const auto* f = unpack::find_format("trx");
  REQUIRE(f != nullptr);
  return *f;
}

// Builds a TRX the way Broadcom's and OpenWrt's tools do: partitions after the
// header, the CRC over everything from flag_version on, seeded with all ones
// and not inverted at the end (the complement of zlib's CRC-32).
constexpr std::string_view kMakeTrx = R"(
import struct, sys, zlib
version, slots, out = int(sys.argv[1]), sys.argv[2].split(','), sys.argv[3]
header = 16 + 4 * (3 if version == 1 else 4)
offsets, body = [], b''
for name in slots:
    if name == '-':
        offsets.append(0)
        continue
    offsets.append(header + len(body))
    body += open(name, 'rb').read()
rest = struct.pack('<I', version << 16) + struct.pack('<%dI' % len(offsets), *offsets) + body
crc = ~zlib.crc32(rest) & 0xffffffff
open(out, 'wb').write(b'HDR0' + struct.pack('<II', 12 + len(rest), crc) + rest)
)";

struct TrxFixture {
  test::ToolDir dir;
  std::string loader = test::noise_bytes(1000, 31), kernel = test::noise_bytes(4097, 32),
              rootfs = test::noise_bytes(999, 33);
  TrxFixture() {
    dir.write("make_trx.py", kMakeTrx);
    dir.write("loader", loader);
    dir.write("kernel", kernel);
    dir.write("rootfs", rootfs);
  }
  std::string build(int version, const std::string& slots) const {
    REQUIRE(dir.run(test::python3() + " make_trx.py " + std::to_string(version) + " " + slots + " out.trx"));
    return dir.read("out.trx");
  }
};

TEST_CASE("trx: version 1 partitions come out byte for byte and the CRC checks") {
  TrxFixture fx;
  std::string image = fx.build(1, "loader,kernel,rootfs");
  auto x = test::extract_with(trx(), Blob::from_string(image + std::string(64, '\xff')));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size());
  CHECK(*trx().probe(as_bytes(image + "xx")) == image.size());
  REQUIRE(x.sink.members.size() == 3);
  CHECK(x.sink.members[0].entry.path == "part0");
  CHECK(x.sink.members[0].entry.offset == 28);
  CHECK(x.sink.members[0].text() == fx.loader);
  CHECK(x.sink.members[1].entry.path == "part1");
  CHECK(x.sink.members[1].text() == fx.kernel);
  CHECK(x.sink.members[2].entry.path == "part2");
  CHECK(x.sink.members[2].text() == fx.rootfs);
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("trx: version 2 has a fourth partition; unused slots keep the others' numbers") {
  TrxFixture fx;
  auto x = test::extract_with(trx(), Blob::from_string(fx.build(2, "loader,kernel,rootfs,loader")));
  REQUIRE(x.sink.members.size() == 4);
  CHECK(x.sink.members[3].entry.path == "part3");
  CHECK(x.sink.members[3].text() == fx.loader);
  CHECK(x.sink.warnings.empty());

  auto y = test::extract_with(trx(), Blob::from_string(fx.build(1, "-,kernel,rootfs")));
  REQUIRE(y.sink.members.size() == 2);
  CHECK(y.sink.members[0].entry.path == "part1");
  CHECK(y.sink.members[0].text() == fx.kernel);
  CHECK(y.sink.members[1].entry.path == "part2");
  CHECK(y.sink.warnings.empty());
}

TEST_CASE("trx: a CRC mismatch warns but the partitions are still extracted") {
  TrxFixture fx;
  std::string image = fx.build(1, "loader,kernel,rootfs");
  image[2000] ^= 0x10;
  auto x = test::extract_with(trx(), Blob::from_string(image));
  REQUIRE(x.sink.members.size() == 3);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("CRC mismatch") != std::string::npos);
}

TEST_CASE("trx: bad versions, unordered offsets, truncation and stray magics are rejected") {
  TrxFixture fx;
  std::string image = fx.build(1, "loader,kernel,rootfs");
  std::string v3 = image;
  v3[14] = 3;
  CHECK_FALSE(trx().probe(as_bytes(v3)).ok());
  std::string swapped = image;
  std::swap_ranges(swapped.begin() + 16, swapped.begin() + 20, swapped.begin() + 20);
  CHECK_FALSE(trx().probe(as_bytes(swapped)).ok());
  auto cut = trx().probe(as_bytes(image).first(image.size() - 1));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);
  test::CollectingSink sink;
  REQUIRE(trx().extract(Blob::from_string(image.substr(0, 3000)), sink).ok());
  CHECK(sink.members.size() == 2);
  CHECK(!sink.warnings.empty());
  CHECK_FALSE(trx().probe(as_bytes("HDR0" + test::noise_bytes(100, 34))).ok());
  test::survive_damage(trx(), image, 3);
}

}  // namespace
}  // namespace pedigree
