#include "scanner/match/chipset_resolution.h"

#include <doctest/doctest.h>

#include "tests/unit/match/identity_db_fixture.h"

namespace pedigree::match {
namespace {

report::ChipsetEvidence ev(std::string kind, std::string value, std::string origin = "fw.bin") {
  report::ChipsetEvidence e;
  e.kind = std::move(kind);
  e.value = std::move(value);
  e.origin = std::move(origin);
  return e;
}

report::Report resolve(test::IdentityDb& t, std::vector<report::ChipsetEvidence> evidence) {
  auto db = t.open();
  report::Report r;
  r.chipset_evidence = std::move(evidence);
  VendorBook vendors(db);
  REQUIRE(resolve_chipsets(r, db, vendors).ok());
  r.vendors = vendors.take();
  return r;
}

TEST_CASE("chipsets: a device-tree compatible alone is medium; with a kernel config symbol it is high") {
  test::IdentityDb t;
  auto r = resolve(
      t, {ev("dt_compatible", "ti,am33xx"), ev("dt_prefix", "ti"), ev("dt_model", "TI AM335x BeagleBone Black")});
  REQUIRE(r.chipsets.size() == 1);
  const auto& c = r.chipsets[0];
  CHECK(c.role == "soc");
  CHECK(c.vendor == "Texas Instruments");
  CHECK(c.family == "AM335x (Sitara)");
  CHECK(c.country == "US");
  CHECK(c.confidence == "medium");
  CHECK(c.board == "TI AM335x BeagleBone Black");
  CHECK_FALSE(c.disputed);
  REQUIRE(r.vendors.size() == 1);
  CHECK(r.vendors[0].roles[0].role == "soc");

  r = resolve(t, {ev("dt_compatible", "ti,am33xx"), ev("kconfig", "CONFIG_SOC_AM33XX", "vmlinux")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].confidence == "high");
  CHECK(r.chipsets[0].evidence.size() == 2);
}

TEST_CASE("chipsets: the most specific model named by the evidence") {
  test::IdentityDb t;
  auto r = resolve(t, {ev("dt_compatible", "ti,am33xx"), ev("bootloader", "U-Boot SPL 2023.01 AM3358 board")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].model == "AM3358");
  CHECK(r.chipsets[0].confidence == "high");
}

TEST_CASE("chipsets: a Wi-Fi chip beside the SoC is its own chipset, named through pci.ids; no dispute") {
  test::IdentityDb t;
  auto r = resolve(t, {ev("dt_compatible", "allwinner,sun8i-h3"), ev("pci", "168c:003c", "modules.alias"),
                       ev("firmware", "ath10k/QCA988X/hw2.0/firmware-5.bin")});
  REQUIRE(r.chipsets.size() == 2);
  CHECK(r.chipsets[0].role == "soc");
  CHECK(r.chipsets[0].vendor == "Allwinner Technology");
  CHECK(r.chipsets[1].role == "wifi");
  CHECK(r.chipsets[1].vendor == "Qualcomm");
  CHECK(r.chipsets[1].confidence == "high");  // PCI id and firmware file agree
  CHECK(r.chipsets[1].model.empty());
  bool named = false;
  for (const auto& e : r.chipsets[1].evidence) {
    if (e.kind == "pci") named = e.name == "Qualcomm Atheros QCA986x/988x 802.11ac Wireless Network Adapter";
  }
  CHECK(named);
  CHECK(r.warnings.empty());
}

TEST_CASE("chipsets: two main SoCs are both reported, disputed, with a warning") {
  test::IdentityDb t;
  auto r = resolve(t, {ev("dt_compatible", "ti,am33xx", "a.dtb"), ev("dt_compatible", "allwinner,sun8i-h3", "b.dtb")});
  REQUIRE(r.chipsets.size() == 2);
  CHECK(r.chipsets[0].disputed);
  CHECK(r.chipsets[1].disputed);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].kind == "chipset");
  CHECK(r.warnings[0].message.find("Allwinner Technology H3 (sun8i)") != std::string::npos);
}

TEST_CASE("chipsets: prefixes, multi-platform configs and strings inside words do not identify") {
  test::IdentityDb t;
  CHECK(resolve(t, {ev("dt_prefix", "ti")}).chipsets.empty());
  // A kernel that enables every family is a multi-platform build.
  auto r = resolve(t, {ev("kconfig", "CONFIG_SOC_AM33XX"), ev("kconfig", "CONFIG_ARCH_OMAP3"),
                       ev("kconfig", "CONFIG_MACH_SUN8I"), ev("kconfig", "CONFIG_ATH10K"), ev("kconfig", "CONFIG_X")});
  CHECK(r.chipsets.empty());  // its drivers say what it supports, not what the board has
  r = resolve(t, {ev("kconfig", "CONFIG_SOC_AM33XX"), ev("kconfig", "CONFIG_X")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].family == "AM335x (Sitara)");
  CHECK(r.chipsets[0].confidence == "medium");
  // "H3" inside "SH3X" is not the H3.
  CHECK(resolve(t, {ev("bootloader", "U-Boot 2020.01 SH3X")}).chipsets.empty());
  r = resolve(t, {ev("bootloader", "U-Boot 2020.01 for sunxi H3")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].confidence == "low");
}

// Regression: only a family's smallest matching string key was checked for
// being a whole word; "H3" inside "SH3X" hid the word "sunxi" beside it.
TEST_CASE("chipsets: any of a family's string keys that is a whole word names it") {
  test::IdentityDb t;
  auto r = resolve(t, {ev("bootloader", "U-Boot 2020.01 SH3X sunxi")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].family == "H3 (sun8i)");
  REQUIRE(r.chipsets[0].evidence.size() == 1);
  CHECK(r.chipsets[0].evidence[0].matched_key == "sunxi");
  // Both keys as words: one family, one piece of evidence, the smaller key.
  r = resolve(t, {ev("bootloader", "U-Boot 2020.01 for sunxi H3")});
  REQUIRE(r.chipsets.size() == 1);
  REQUIRE(r.chipsets[0].evidence.size() == 1);
  CHECK(r.chipsets[0].evidence[0].matched_key == "H3");
}

TEST_CASE("chipsets: whole-word matching") {
  CHECK(contains_word("for H3 boards", "H3"));
  CHECK_FALSE(contains_word("SH3X", "H3"));
  CHECK(contains_word("ath10k/QCA988X/hw2.0", "QCA988X"));
  CHECK(chipset_role("MT7915 Wi-Fi 6") == "wifi");
  CHECK(chipset_role("SDX55 modem") == "modem");
  CHECK(chipset_role("AM335x (Sitara)") == "soc");
}

TEST_CASE("chipsets: a firmware blob's path names the most specific family, with the basis of its confidence") {
  test::IdentityDb t;
  // Debian's firmware-ath9k-htc: "ath9k" is inside the longer key "ath9k_htc" and names nothing on its own.
  auto r =
      resolve(t, {ev("firmware", "ath9k_htc/htc_9271-1.4.0.fw", "img → /lib/firmware/ath9k_htc/htc_9271-1.4.0.fw"),
                  ev("firmware", "ath9k_htc/htc_7010-1.4.0.fw", "img → /lib/firmware/ath9k_htc/htc_7010-1.4.0.fw")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].role == "wifi");
  CHECK(r.chipsets[0].family == "ath9k_htc USB Wi-Fi");
  CHECK(r.chipsets[0].confidence == "medium");
  CHECK(r.chipsets[0].confidence_basis == "one kind of evidence: firmware, module or library name");
  CHECK(r.chipsets[0].evidence.size() == 2);
  r = resolve(t, {ev("firmware", "ath9k_htc/htc_9271-1.4.0.fw"), ev("kconfig", "CONFIG_ATH9K_HTC", "config")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].confidence == "high");
  CHECK(r.chipsets[0].confidence_basis == "independent kinds agree: kernel config + firmware, module or library name");
  // A module of the plain ath9k driver still names the ath9k family.
  r = resolve(t, {ev("module", "ath9k")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].family == "ath9k Wi-Fi");
}

TEST_CASE("chipsets: the basis names the kinds of evidence behind each confidence") {
  test::IdentityDb t;
  auto r = resolve(t, {ev("dt_compatible", "ti,am33xx"), ev("kconfig", "CONFIG_SOC_AM33XX", "config")});
  REQUIRE(r.chipsets.size() == 1);
  CHECK(r.chipsets[0].confidence_basis == "independent kinds agree: device tree + kernel config");
  r = resolve(t, {ev("dt_compatible", "ti,am33xx")});
  CHECK(r.chipsets[0].confidence_basis == "one kind of evidence: device tree");
}

}  // namespace
}  // namespace pedigree::match
