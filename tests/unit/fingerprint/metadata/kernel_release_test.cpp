#include "scanner/fingerprint/metadata/kernel_release.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace pedigree::fingerprint;
using namespace pedigree::fingerprint::test;

TEST_CASE("kernel release strings: upstream versions, not distribution ABI names") {
  CHECK(kernel_release_version("5.15.150") == "5.15.150");
  CHECK(kernel_release_version("6.6.30-rt30") == "6.6.30");
  CHECK(kernel_release_version("4.14.180+") == "4.14.180");
  CHECK(kernel_release_version("6.1.0-27-armmp") == "");
  CHECK(kernel_release_version("5.15.0-91-generic") == "");
  CHECK(kernel_release_version("6.1.0") == "6.1.0");
  CHECK(kernel_release_version("3.10") == "3.10");
  CHECK(kernel_release_version("v5") == "");
}

TEST_CASE("vermagic in a kernel module and /lib/modules directories") {
  KernelReleaseAnalyzer a;
  std::string ko = std::string(
      "\x7f"
      "ELF....license=GPL\0vermagic=5.15.150 SMP mod_unload MIPS32_R2 32BIT \0name=x",
      72);
  auto cs = components_of(a, "/lib/modules/5.15.150/gpio-button-hotplug.ko", ko);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].name == "linux");
  CHECK(cs[0].version == "5.15.150");
  CHECK(cs[0].cpe == "cpe:2.3:o:linux:linux_kernel:5.15.150:*:*:*:*:*:*:*");
  CHECK(cs[0].evidence.at(0).kind == "vermagic");
  auto dir = components_of(a, "/lib/modules/6.6.30/modules.dep", "kernel/x.ko:\n");
  REQUIRE(dir.size() == 1);
  CHECK(dir[0].version == "6.6.30");
  CHECK(analyze_text(a, "/lib/modules/6.6.30/kernel/modules.dep", "").components.empty());
  CHECK(analyze_text(a, "/x.ko", "vermagic=").components.empty());
}
