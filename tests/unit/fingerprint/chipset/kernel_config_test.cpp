#include "scanner/fingerprint/chipset/kernel_config.h"

#include <doctest/doctest.h>

#include "tests/support/scratch_dir.h"
#include "tests/unit/fingerprint/chipset/evidence_helpers.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kConfig =
    "#\n# Automatically generated file; DO NOT EDIT.\n# Linux/arm 6.1.0 Kernel Configuration\n#\n"
    "CONFIG_ARCH_OMAP2PLUS=y\n# CONFIG_ARCH_SUNXI is not set\nCONFIG_SOC_AM33XX=y\n"
    "CONFIG_ATH10K=m\nCONFIG_LOG_BUF_SHIFT=17\nCONFIG_CMDLINE=\"console=ttyS0\"\n";

TEST_CASE("kernel config: symbols set to y or m, nothing else") {
  auto ev = config_symbols(kConfig);
  CHECK(test::values_of(ev, "kconfig") ==
        std::vector<std::string>{"CONFIG_ARCH_OMAP2PLUS", "CONFIG_SOC_AM33XX", "CONFIG_ATH10K"});
  CHECK(is_kernel_config_text(kConfig));
  CHECK_FALSE(is_kernel_config_text("CONFIG_FOO=y\n"));
}

TEST_CASE("kernel config: an IKCONFIG blob inside a kernel is inflated and read") {
  test::ScratchDir dir;
  dir.write("config", kConfig);
  REQUIRE(dir.run("gzip -n -9 config"));
  std::string kernel =
      std::string(4096, '\x01') + "IKCFG_ST" + dir.read("config.gz") + "IKCFG_ED" + std::string(16, '\0');
  Facts facts;
  FileRef file{"vmlinux", "/vmlinux", "xz", 0644, 2, as_bytes(kernel)};
  KernelConfigAnalyzer().analyze(file, facts);
  CHECK(test::values_of(facts.chipset_evidence, "kconfig") ==
        std::vector<std::string>{"CONFIG_ARCH_OMAP2PLUS", "CONFIG_SOC_AM33XX", "CONFIG_ATH10K"});
  CHECK(facts.chipset_evidence.front().offset == 4096);
}

TEST_CASE("kernel config: a /boot/config-* file is read by its header; a damaged blob gives nothing") {
  Facts facts;
  FileRef file{
      "rootfs → /boot/config-6.1.0-13-armmp", "/boot/config-6.1.0-13-armmp", "squashfs", 0644, 1, as_bytes(kConfig)};
  KernelConfigAnalyzer().analyze(file, facts);
  CHECK(facts.chipset_evidence.size() == 3);
  std::string broken = "IKCFG_ST\x1f\x8b\x08 not gzip IKCFG_ED";
  CHECK(ikconfig_symbols(as_bytes(broken)).empty());
}

}  // namespace
}  // namespace pedigree::fingerprint
