#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& boot() {
  const auto* f = unpack::find_format("android_boot");
  REQUIRE(f != nullptr);
  return *f;
}

const unpack::Format& vendor_boot() {
  const auto* f = unpack::find_format("android_vendor_boot");
  REQUIRE(f != nullptr);
  return *f;
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (8 * i));
}

std::string padded(std::string s, std::size_t page) {
  s.resize((s.size() + page - 1) / page * page, '\0');
  return s;
}

// mkbootimg is a Python script; starting the system Python directly is fast.
std::string mkbootimg() { return test::python3() + " \"$(command -v mkbootimg)\""; }

struct Parts {
  std::string kernel = test::noise_bytes(5000, 41), ramdisk = test::noise_bytes(3000, 42),
              second = test::noise_bytes(700, 43), extra = test::noise_bytes(1234, 44);
};

struct MkbootimgFixture {
  test::ToolDir dir;
  Parts p;
  MkbootimgFixture() {
    dir.write("kernel", p.kernel);
    dir.write("ramdisk", p.ramdisk);
    dir.write("second", p.second);
    dir.write("dtb", p.extra);
  }
  std::string build(const std::string& args) const {
    REQUIRE(dir.run(mkbootimg() + " --kernel kernel --ramdisk ramdisk " + args + " -o boot.img"));
    return dir.read("boot.img");
  }
};

void check(const test::Extracted& x, std::vector<std::pair<std::string, std::string>> want) {
  REQUIRE(x.sink.members.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CHECK(x.sink.members[i].entry.path == want[i].first);
    CHECK(x.sink.members[i].text() == want[i].second);
  }
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("android_boot: mkbootimg header versions 0, 2 and 3 give their sections byte for byte") {
  MkbootimgFixture fx;
  std::string v0 = fx.build("--second second --header_version 0 --pagesize 2048");
  auto x0 = test::extract_with(boot(), Blob::from_string(v0 + "AVB0 footer and more"));
  check(x0, {{"kernel", fx.p.kernel}, {"ramdisk", fx.p.ramdisk}, {"second", fx.p.second}});
  CHECK(x0.consumed == v0.size());
  CHECK(x0.sink.members[0].entry.offset == 2048);

  std::string v2 = fx.build("--dtb dtb --header_version 2 --pagesize 4096");
  auto x2 = test::extract_with(boot(), Blob::from_string(v2 + "trailing"));
  check(x2, {{"kernel", fx.p.kernel}, {"ramdisk", fx.p.ramdisk}, {"dtb", fx.p.extra}});
  CHECK(x2.consumed == v2.size());

  std::string v3 = fx.build("--header_version 3");
  auto x3 = test::extract_with(boot(), Blob::from_string(v3));
  check(x3, {{"kernel", fx.p.kernel}, {"ramdisk", fx.p.ramdisk}});
  CHECK(x3.consumed == v3.size());
}

// mkbootimg here stops at version 3 and cannot write a recovery DTBO, so
// versions 1 and 4 and the Qualcomm layout are laid out by hand from the spec.
TEST_CASE("android_boot: version 1 recovery DTBO, version 4 boot signature and Qualcomm QCDT tables") {
  Parts p;
  std::string v1(2048, '\0');
  v1.replace(0, 8, "ANDROID!");
  put32(v1, 8, 5000), put32(v1, 16, 3000), put32(v1, 36, 2048), put32(v1, 40, 1);
  put32(v1, 1632, 1234), put32(v1, 1644, 1648);
  v1 += padded(p.kernel, 2048) + padded(p.ramdisk, 2048) + padded(p.extra, 2048);
  check(test::extract_with(boot(), Blob::from_string(v1)),
        {{"kernel", p.kernel}, {"ramdisk", p.ramdisk}, {"recovery_dtbo", p.extra}});

  std::string v4(4096, '\0');
  v4.replace(0, 8, "ANDROID!");
  put32(v4, 8, 5000), put32(v4, 12, 3000), put32(v4, 20, 1584), put32(v4, 40, 4), put32(v4, 1580, 700);
  v4 += padded(p.kernel, 4096) + padded(p.ramdisk, 4096) + padded(p.second, 4096);
  auto x4 = test::extract_with(boot(), Blob::from_string(v4 + "more"));
  check(x4, {{"kernel", p.kernel}, {"ramdisk", p.ramdisk}, {"boot_signature", p.second}});
  CHECK(x4.consumed == v4.size());

  std::string qcdt = "QCDT" + p.extra;
  std::string qc(2048, '\0');
  qc.replace(0, 8, "ANDROID!");
  put32(qc, 8, 5000), put32(qc, 16, 3000), put32(qc, 36, 2048), put32(qc, 40, static_cast<std::uint32_t>(qcdt.size()));
  qc += padded(p.kernel, 2048) + padded(p.ramdisk, 2048) + padded(qcdt, 2048);
  check(test::extract_with(boot(), Blob::from_string(qc)),
        {{"kernel", p.kernel}, {"ramdisk", p.ramdisk}, {"dt", qcdt}});
  qc[2048 * 6] = 'X';  // no QCDT where the table should be: an unknown header version
  CHECK_FALSE(boot().probe(as_bytes(qc)).ok());
}

TEST_CASE("android_boot: the last page's padding may be missing; a cut section is extracted up to the cut") {
  MkbootimgFixture fx;
  std::string v0 = fx.build("--header_version 0 --pagesize 2048");
  std::size_t content_end = 2048 + 6144 + 3000;  // header, kernel pages, ramdisk bytes
  auto p = boot().probe(as_bytes(v0).first(content_end));
  REQUIRE(p.ok());
  CHECK(*p == content_end);
  // Cut inside the ramdisk: probe still tells the declared size.
  auto cut = boot().probe(as_bytes(v0).first(content_end - 1));
  REQUIRE(cut.ok());
  CHECK(*cut == v0.size());
  auto x = test::extract_with(boot(), Blob::from_string(v0.substr(0, content_end - 1)));
  REQUIRE(x.extracted);
  CHECK(x.consumed == content_end - 1);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].text() == fx.p.kernel);
  REQUIRE(x.sink.warnings.size() == 1);
  CHECK(x.sink.warnings[0].find("ramdisk") != std::string::npos);
}

TEST_CASE("android_boot: stray magics and odd page sizes are rejected; damage is survived") {
  CHECK_FALSE(boot().probe(as_bytes("ANDROID!" + test::noise_bytes(3000, 45))).ok());
  MkbootimgFixture fx;
  std::string v0 = fx.build("--header_version 0 --pagesize 2048");
  std::string odd = v0;
  put32(odd, 36, 3000);
  CHECK_FALSE(boot().probe(as_bytes(odd)).ok());
  test::survive_damage(boot(), v0, 7);
  test::survive_damage(boot(), fx.build("--dtb dtb --header_version 2"), 13);
}

TEST_CASE("android_vendor_boot: mkbootimg version 3 gives the vendor ramdisk and the DTB") {
  MkbootimgFixture fx;
  REQUIRE(fx.dir.run(mkbootimg() + " --kernel kernel --ramdisk ramdisk --header_version 3 -o boot.img "
                                   "--vendor_boot vendor_boot.img --vendor_ramdisk second --dtb dtb"));
  std::string vb = fx.dir.read("vendor_boot.img");
  auto x = test::extract_with(vendor_boot(), Blob::from_string(vb + "tail"));
  check(x, {{"vendor_ramdisk", fx.p.second}, {"dtb", fx.p.extra}});
  CHECK(x.consumed == vb.size());
}

TEST_CASE("android_vendor_boot: version 4 ramdisk fragments by name, bootconfig, damage") {
  Parts p;
  std::string vb(4096, '\0');
  vb.replace(0, 8, "VNDRBOOT");
  put32(vb, 8, 4), put32(vb, 12, 4096), put32(vb, 24, 8000), put32(vb, 2096, 2128), put32(vb, 2100, 1234);
  put32(vb, 2112, 216), put32(vb, 2116, 2), put32(vb, 2120, 108), put32(vb, 2124, 13);
  std::string table(216, '\0');
  put32(table, 0, 5000), put32(table, 4, 0), put32(table, 8, 1), table.replace(12, 4, "boot");
  put32(table, 108, 3000), put32(table, 112, 5000), put32(table, 116, 2);
  vb +=
      padded(p.kernel + p.ramdisk, 4096) + padded(p.extra, 4096) + padded(table, 4096) + padded("androidboot=1", 4096);
  auto x = test::extract_with(vendor_boot(), Blob::from_string(vb));
  check(x, {{"vendor_ramdisk_boot", p.kernel},
            {"vendor_ramdisk_1", p.ramdisk},
            {"dtb", p.extra},
            {"bootconfig", "androidboot=1"}});
  CHECK(x.consumed == vb.size());
  std::string bad = vb;
  put32(bad, 4096 * 4 + 112, 7000);  // second fragment overruns the vendor ramdisk
  auto y = test::extract_with(vendor_boot(), Blob::from_string(bad));
  CHECK(y.sink.members.size() == 3);
  CHECK(y.sink.warnings.size() == 1);
  CHECK_FALSE(vendor_boot().probe(as_bytes("VNDRBOOT" + test::noise_bytes(3000, 46))).ok());
  test::survive_damage(vendor_boot(), vb, 97);
}

}  // namespace
}  // namespace pedigree
