// Chipsets, MAC addresses, endpoints and the vendors behind them, as the
// pedigree executable reports them for the sample images with the bundled
// database — checked against what the sample build put in: the AM335x
// BeagleBone Black device trees of Debian's armmp kernel and U-Boot, the
// U-Boot environment's ethaddr, and the router overlay's configuration
// (samples/overlay/router/etc/config/{network,system,cloud}, etc/nvram.default).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/manifest.h"
#include "tests/support/scratch_dir.h"

namespace pedigree {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string exe() {
  const char* e = std::getenv("PEDIGREE_EXE");
  return e != nullptr ? e : std::string(PEDIGREE_BINARY_DIR) + "/pedigree";
}

/// Scans a sample through the CLI with the bundled database; the JSON report.
Json scan_json(const std::string& sample, const std::string& image) {
  std::string tmpl = (fs::temp_directory_path() / "pedigree-identity-XXXXXX").string();
  fs::path dir = mkdtemp(tmpl.data());
  fs::path out = dir / "report.json";
  std::string cmd = exe() + " scan -q " + test::sample_path(sample, image) + " -o json=" + out.string();
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  std::ifstream in(out);
  Json j = Json::parse(in);
  fs::remove_all(dir);
  return j;
}

const Json* vendor(const Json& r, const std::string& name) {
  for (const auto& v : r["vendors"]) {
    if (v["name"] == name) return &v;
  }
  return nullptr;
}

/// The one chipset of a role, or nullptr (and a failed check when there are several).
const Json* chipset(const Json& r, const std::string& role) {
  const Json* found = nullptr;
  for (const auto& c : r["chipsets"]) {
    if (c["role"] != role) continue;
    CHECK_MESSAGE(found == nullptr, "more than one chipset of role " << role);
    found = &c;
  }
  return found;
}

/// The kinds of a chipset's evidence.
std::set<std::string> evidence_kinds(const Json& c) {
  std::set<std::string> out;
  for (const auto& e : c["evidence"]) out.insert(e["kind"].get<std::string>());
  return out;
}

bool has_role(const Json& v, const std::string& role) {
  for (const auto& r : v["roles"]) {
    if (r["role"] == role) return true;
  }
  return false;
}

TEST_SUITE("cli") {
  TEST_CASE("cli identity: the ARM NAND dump's SoC is the TI AM335x, from its device trees") {
    Json r = scan_json("arm-nand", "image.bin");
    const Json* soc = chipset(r, "soc");
    REQUIRE(soc != nullptr);
    const Json& c = *soc;
    CHECK(c["vendor"] == "Texas Instruments");
    CHECK(c["family"] == "AM335x (Sitara)");
    CHECK(c["country"] == "US");
    CHECK(c["board"] == "TI AM335x BeagleBone Black");
    CHECK(c.value("disputed", false) == false);
    std::set<std::string> origins;
    for (const auto& e : c["evidence"]) {
      if (e["kind"] == "dt_compatible") {
        CHECK(e["value"] == "ti,am33xx");
        origins.insert(e["origin"].get<std::string>());
      }
    }
    // The kernel FIT's tree, U-Boot's trees, and the raw tree in its own partition.
    CHECK(origins.count("image.bin @0x200000 fit → /fdt-1") == 1);
    CHECK(origins.count("image.bin @0xc0000 fit → /fdt-1") == 1);
    CHECK(origins.count("image.bin") == 1);
    const Json* ti = vendor(r, "Texas Instruments");
    REQUIRE(ti != nullptr);
    CHECK(has_role(*ti, "soc"));
    CHECK(has_role(*ti, "mac-block-owner"));
  }

  TEST_CASE("cli identity: the U-Boot environment's ethaddr and the config partition's hwaddress") {
    Json r = scan_json("arm-nand", "image.bin");
    REQUIRE(r["network"]["mac_addresses"].size() == 1);
    const Json& m = r["network"]["mac_addresses"][0];
    CHECK(m["address"] == "04:A3:16:B0:0C:01");
    CHECK(m["organization"] == "Texas Instruments");
    CHECK(m["country"] == "US");
    CHECK(m["registry"] == "MA-L");
    CHECK(m["origins"] == Json::array({"image.bin", "image.bin @0x1400000 jffs2 → /config/network"}));
    // Both copies of the redundant environment (mkenvimage -r) pass their CRC32 check.
    CHECK(m["confidence"] == "high");
    for (const auto& w : r["warnings"]) CHECK(w["kind"] != "uboot-env");
  }

  TEST_CASE("cli identity: the AM335x is high confidence: the device tree and the kernel's own config agree") {
    // arm-nand's rootfs carries the armmp kernel package's /boot/config-<release>.
    Json r = scan_json("arm-nand", "image.bin");
    const Json* soc = chipset(r, "soc");
    REQUIRE(soc != nullptr);
    CHECK((*soc)["confidence"] == "high");
    CHECK((*soc)["confidence_basis"] == "independent kinds agree: device tree + kernel config");
    auto kinds = evidence_kinds(*soc);
    CHECK(kinds.count("dt_compatible") == 1);
    CHECK(kinds.count("kconfig") == 1);
    bool symbol = false;
    for (const auto& e : (*soc)["evidence"]) {
      symbol = symbol || (e["value"] == "CONFIG_SOC_AM33XX" &&
                          e["origin"].get<std::string>().find("/boot/config-") != std::string::npos);
    }
    CHECK(symbol);
  }

  TEST_CASE("cli identity: Debian's firmware-ath9k-htc blobs name a Qualcomm Atheros AR9271/AR7010 Wi-Fi chip") {
    Json r = scan_json("arm-nand", "image.bin");
    const Json* wifi = chipset(r, "wifi");
    REQUIRE(wifi != nullptr);
    CHECK((*wifi)["vendor"] == "Qualcomm Atheros");
    CHECK((*wifi)["family"] == "ath9k_htc USB Wi-Fi");
    CHECK((*wifi)["country"] == "US");
    std::set<std::string> blobs;
    for (const auto& e : (*wifi)["evidence"]) {
      if (e["kind"] == "firmware") blobs.insert(e["value"].get<std::string>());
    }
    CHECK(blobs.count("ath9k_htc/htc_9271-1.4.0.fw") == 1);
    CHECK(blobs.count("ath9k_htc/htc_7010-1.4.0.fw") == 1);
    // The blobs and the kernel config's CONFIG_ATH9K_HTC are independent kinds.
    CHECK(evidence_kinds(*wifi).count("kconfig") == 1);
    CHECK((*wifi)["confidence"] == "high");
    const Json* qca = vendor(r, "Qualcomm Atheros");
    REQUIRE(qca != nullptr);
    CHECK(has_role(*qca, "wifi-chip"));
  }

  TEST_CASE("cli identity: the router's MAC addresses, each with its IEEE block owner") {
    Json r = scan_json("mips-sysupgrade", "image.bin");
    std::map<std::string, std::string> found;
    for (const auto& m : r["network"]["mac_addresses"]) {
      found[m["address"]] = m.value("organization", "") + " " + m.value("country", "");
    }
    // Placeholders (all zeros, all ones) in nvram.default are not addresses.
    CHECK(found == std::map<std::string, std::string>{{"00:10:18:AA:BB:01", "Broadcom US"},
                                                      {"00:10:18:AA:BB:02", "Broadcom US"},
                                                      {"00:90:4C:12:34:56", "Epigram, Inc. US"},
                                                      {"14:CC:20:5A:01:02", "TP-LINK TECHNOLOGIES CO.,LTD. CN"}});
    const Json* tplink = vendor(r, "TP-Link Technologies");
    REQUIRE(tplink != nullptr);
    CHECK((*tplink)["country"] == "CN");
    CHECK(has_role(*tplink, "mac-block-owner"));
    REQUIRE(vendor(r, "Broadcom") != nullptr);
    CHECK(has_role(*vendor(r, "Broadcom"), "mac-block-owner"));
  }

  TEST_CASE("cli identity: cloud endpoints with registrable domain and owner; private and example ones skipped") {
    Json r = scan_json("mips-sysupgrade", "image.bin");
    std::map<std::string, std::string> owners;
    std::set<std::string> hosts;
    for (const auto& e : r["network"]["endpoints"]) {
      std::string host = e["host"];
      hosts.insert(host);
      if (e.contains("owner"))
        owners[host] = e["registrable_domain"].get<std::string>() + " " + e["owner"].get<std::string>();
    }
    CHECK(owners == std::map<std::string, std::string>{
                        {"a1.tuyacn.com", "tuyacn.com Tuya"},
                        {"m1.tuyacn.com", "tuyacn.com Tuya"},
                        {"iot-auth.cn-shanghai.aliyuncs.com", "aliyuncs.com Alibaba Cloud"},
                        {"fw-update.oss-cn-hangzhou.aliyuncs.com", "aliyuncs.com Alibaba Cloud"},
                        {"firmware-updates.s3.us-east-1.amazonaws.com", "amazonaws.com Amazon Web Services"},
                    });
    for (const char* ntp : {"pool.ntp.org", "0.openwrt.pool.ntp.org", "1.openwrt.pool.ntp.org"}) {
      CHECK_MESSAGE(hosts.count(ntp) == 1, ntp);
    }
    CHECK(hosts.count("192.168.1.10") == 0);
    CHECK(hosts.count("example.com") == 0);
    CHECK(hosts.count("broker.example.com") == 0);
    for (const char* cloud : {"Tuya", "Alibaba Cloud", "Amazon Web Services"}) {
      const Json* v = vendor(r, cloud);
      REQUIRE_MESSAGE(v != nullptr, cloud);
      CHECK(has_role(*v, "cloud-endpoint"));
    }
    CHECK((*vendor(r, "Tuya"))["country"] == "CN");
  }
}

}  // namespace
}  // namespace pedigree

namespace pedigree {
namespace {

/// The version column of a package in a sample's sources.tsv.
std::string package_field(const std::string& sample, const std::string& package, int column) {
  std::ifstream in(test::sample_path(sample, "sources.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(package, 0) != 0) continue;
    std::size_t start = 0;
    for (int i = 0; i < column; ++i) start = line.find('\t', start) + 1;
    return line.substr(start, line.find('\t', start) - start);
  }
  return {};
}

TEST_SUITE("cli") {
  TEST_CASE("cli identity: the banners of Debian's U-Boot SPL, U-Boot and armmp kernel in the NAND dump") {
    Json r = scan_json("arm-nand", "image.bin");
    std::string uboot = package_field("arm-nand", "u-boot-omap", 1);
    std::string kernel = package_field("arm-nand", "linux-image-", 0).substr(std::string("linux-image-").size());
    REQUIRE(!uboot.empty());
    REQUIRE(!kernel.empty());
    bool spl = false, proper = false, linux = false;
    for (const auto& b : r["boot_banners"]) {
      std::string v = b["value"];
      spl = spl || v.rfind("U-Boot SPL " + uboot + " (", 0) == 0;
      proper = proper || (v.rfind("U-Boot " + uboot + " (", 0) == 0 &&
                          b["origins"].front() == "image.bin @0xc0000 fit → /firmware-1");
      linux = linux || (b["kind"] == "kernel" && v.rfind("Linux version " + kernel + " ", 0) == 0);
    }
    CHECK(spl);
    CHECK(proper);
    CHECK(linux);
  }
}

}  // namespace
}  // namespace pedigree

namespace pedigree {
namespace {

/// Scans one file through the CLI; the JSON report.
Json scan_file_json(const std::string& path) {
  std::string cmd = exe() + " scan -q " + path + " -o json";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  return Json::parse(out);
}

TEST_SUITE("cli") {
  TEST_CASE("cli identity: a U-Boot environment with a bad CRC32 is a warning, and its ethaddr is low confidence") {
    test::ScratchDir dir;
    REQUIRE(dir.ok());
    dir.write("env.txt", "bootcmd=bootm 0x9f020000\nbootdelay=1\nethaddr=04:a3:16:b0:0c:01\n");
    std::string cmd = "mkenvimage -r -s 0x10000 -o " + dir.path("good.bin") + " " + dir.path("env.txt");
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string bytes = dir.read("good.bin");
    auto at = bytes.find("bootm 0x9f");
    REQUIRE(at != std::string::npos);
    bytes[at + 6] = '1';  // bootm 0x1f020000: one changed byte
    dir.write("bad.bin", bytes);

    Json good = scan_file_json(dir.path("good.bin"));
    REQUIRE(good["network"]["mac_addresses"].size() == 1);
    CHECK(good["network"]["mac_addresses"][0]["confidence"] == "high");
    CHECK(good["network"]["mac_addresses"][0]["confidence_basis"] == "U-Boot environment with a valid CRC32");
    for (const auto& w : good["warnings"]) CHECK(w["kind"] != "uboot-env");

    Json bad = scan_file_json(dir.path("bad.bin"));
    REQUIRE(bad["network"]["mac_addresses"].size() == 1);
    CHECK(bad["network"]["mac_addresses"][0]["address"] == "04:A3:16:B0:0C:01");
    CHECK(bad["network"]["mac_addresses"][0]["confidence"] == "low");
    int warned = 0;
    for (const auto& w : bad["warnings"]) {
      if (w["kind"] != "uboot-env") continue;
      ++warned;
      CHECK(w["origin"] == "bad.bin");
      CHECK(w["message"].get<std::string>().find("U-Boot environment at 0x0 (redundant): stored CRC32") == 0);
    }
    CHECK(warned == 1);
  }
}

}  // namespace
}  // namespace pedigree

namespace pedigree {
namespace {

TEST_SUITE("cli") {
  TEST_CASE("cli identity: Wi-Fi and Bluetooth firmware blob paths name their chips") {
    // The paths the Linux 6.1 drivers request (contents do not matter: the name is the evidence).
    test::ScratchDir dir;
    REQUIRE(dir.ok());
    for (const char* blob :
         {"ath9k_htc/htc_9271-1.4.0.fw", "carl9170-1.fw", "rtl_bt/rtl8761b_fw.bin", "brcm/BCM4345C0.hcd",
          "qca/rampatch_usb_00000302.bin", "intel/ibt-20-1-3.sfi", "mediatek/BT_RAM_CODE_MT7961_1_2_hdr.bin"}) {
      dir.write(std::string("root/lib/firmware/") + blob, std::string("firmware blob ") + blob + "\n");
    }
    std::string tar = "tar -C " + dir.path("root") + " --sort=name --mtime=@0 -cf " + dir.path("fw.tar") + " lib";
    REQUIRE(std::system(tar.c_str()) == 0);
    Json r = scan_file_json(dir.path("fw.tar"));
    std::set<std::string> got;
    for (const auto& c : r["chipsets"]) {
      got.insert(c["role"].get<std::string>() + " | " + c["vendor"].get<std::string>() + " | " +
                 c["family"].get<std::string>() + " | " + c["model"].get<std::string>());
    }
    CHECK(got == std::set<std::string>{
                     "bluetooth | Broadcom | Bluetooth (btbcm) | BCM4345C0",
                     "bluetooth | Intel | Bluetooth (btintel) | ",
                     "bluetooth | MediaTek | MT79xx Bluetooth (btmtk) | MT7961",
                     "bluetooth | Qualcomm Atheros | Bluetooth (btqca) | ",
                     "bluetooth | Realtek | Bluetooth (btrtl) | RTL8761B",
                     "wifi | Qualcomm Atheros | ath9k_htc USB Wi-Fi | ",
                     "wifi | Qualcomm Atheros | carl9170 USB Wi-Fi | ",
                 });
    for (const auto& c : r["chipsets"]) {
      CHECK(c["confidence"] == "medium");  // one kind of evidence: file names
      CHECK(c["confidence_basis"] == "one kind of evidence: firmware, module or library name");
    }
  }
}

}  // namespace
}  // namespace pedigree
