// The ELF analysis on the sample images' real Debian binaries: what the
// report says about the CPU, the ABI, linking and hardening. (Every ELF
// file's hardening is also compared with checksec by tests/e2e/checksec_compare.py.)
#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/report/text_writer.h"
#include "scanner/scan.h"
#include "tests/support/manifest.h"

namespace pedigree {
namespace {

const report::Binary* find_binary(const report::Report& r, std::string_view path_end) {
  for (const auto& b : r.binaries) {
    if (b.origin.ends_with(path_end)) return &b;
  }
  return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_SUITE("samples") {
  TEST_CASE("samples: the MIPS router's programs are o32, PIE and fully RELRO, with an executable stack") {
    auto r = scan_image(test::sample_path("mips-sysupgrade", "image.bin"), Limits{});
    REQUIRE(r.ok());
    REQUIRE_FALSE(r->architectures.empty());
    CHECK(r->architectures[0].starts_with("mips 32-bit little-endian (o32): "));
    const report::Binary* bb = find_binary(*r, "squashfs → /bin/busybox");
    REQUIRE(bb != nullptr);
    CHECK(bb->machine == "mips");
    CHECK(bb->bits == 32);
    CHECK(bb->abi == "mips o32");
    CHECK(bb->interpreter == "/lib/ld.so.1");
    CHECK(contains(bb->needed, "libc.so.6"));
    CHECK(bb->pie == "yes");
    CHECK(bb->relro == "full");
    CHECK(bb->canary);
    CHECK(bb->stripped);
    CHECK_FALSE(bb->nx);  // Debian's MIPS programs ask for an executable stack (PT_GNU_STACK RWE)
    const report::Binary* libc = find_binary(*r, "/lib/mipsel-linux-gnu/libc.so.6");
    REQUIRE(libc != nullptr);
    CHECK(libc->soname == "libc.so.6");
    CHECK(libc->pie == "dso");
    std::string text = report::to_text(*r, {});
    CHECK(text.find("Architecture") != std::string::npos);
    CHECK(text.find("Hardening: ") != std::string::npos);
  }

  TEST_CASE("samples: the ARM NAND image's programs are EABI5 hard-float with NX") {
    auto r = scan_image(test::sample_path("arm-nand", "image.bin"), Limits{});
    REQUIRE(r.ok());
    const report::Binary* bb = find_binary(*r, "/bin/busybox");
    REQUIRE(bb != nullptr);
    CHECK(bb->machine == "arm");
    CHECK(bb->abi == "arm eabi5 hard-float");
    CHECK(bb->interpreter == "/lib/ld-linux-armhf.so.3");
    CHECK(bb->nx);
    CHECK(bb->pie == "yes");
    REQUIRE_FALSE(r->architectures.empty());
    CHECK(r->architectures[0].starts_with("arm 32-bit little-endian (eabi5 hard-float): "));
  }
}

}  // namespace
}  // namespace pedigree
