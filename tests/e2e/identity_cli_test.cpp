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

bool has_role(const Json& v, const std::string& role) {
  for (const auto& r : v["roles"]) {
    if (r["role"] == role) return true;
  }
  return false;
}

TEST_SUITE("cli") {
  TEST_CASE("cli identity: the ARM NAND dump's SoC is the TI AM335x, from its device trees") {
    Json r = scan_json("arm-nand", "image.bin");
    REQUIRE(r["chipsets"].size() == 1);
    const Json& c = r["chipsets"][0];
    CHECK(c["role"] == "soc");
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
