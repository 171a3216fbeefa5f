// `pedigree scan` on the sample images finds, from the binaries alone, the
// components that went in, at the exact upstream versions of the Debian
// packages listed in each sample's sources.tsv, in the JSON report.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;

nlohmann::json scan_json(const std::string& image) {
  const char* e = std::getenv("PEDIGREE_EXE");
  std::string exe = e != nullptr ? e : std::string(PEDIGREE_BINARY_DIR) + "/pedigree";
  std::string out = (fs::temp_directory_path() / ("components-" + std::to_string(::getpid()) + ".json")).string();
  std::string cmd = exe + " scan '" + image + "' --quiet -o json=" + out + " >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  std::FILE* f = std::fopen(out.c_str(), "rb");
  REQUIRE(f != nullptr);
  std::string text;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  std::fclose(f);
  fs::remove(out);
  return nlohmann::json::parse(text);
}

/// "name@version[relation]" of every component with binary-rule evidence.
std::set<std::string> binary_components(const nlohmann::json& report) {
  std::set<std::string> out;
  for (const auto& c : report.at("components")) {
    bool binary = false;
    for (const auto& ev : c.at("evidence")) binary = binary || ev.at("kind") == "binary";
    if (!binary) continue;
    std::string rel = c.value("relation", "");
    out.insert(c.at("name").get<std::string>() + "@" + c.value("version", "") + (rel.empty() ? "" : "[" + rel + "]"));
  }
  return out;
}

}  // namespace

TEST_SUITE("samples-components") {
  TEST_CASE("the MIPS sysupgrade sample: components from its binaries") {
    std::string image = std::string(PEDIGREE_SAMPLES_DIR) + "/mips-sysupgrade/image.bin";
    if (!fs::exists(image)) return;
    auto found = binary_components(scan_json(image));
    std::string all;
    for (const auto& c : found) all += c + " ";
    INFO(all);
    for (const char* want : {"busybox@1.35.0", "dropbear@2022.83", "lighttpd@1.4.69", "zlib@1.2.13", "glibc@2.36",
                             "openssl@3.0.20", "libtomcrypt@1.18.2", "linux@6.1.176",
                             // hostapd holds the OpenSSL version it was compiled with, and links libcrypto.
                             "openssl@3.0.16[built-against]"})
      CHECK_MESSAGE(found.count(want), want);
  }

  TEST_CASE("the ARM NAND sample: components from its binaries") {
    std::string image = std::string(PEDIGREE_SAMPLES_DIR) + "/arm-nand/image.bin";
    if (!fs::exists(image)) return;
    auto found = binary_components(scan_json(image));
    std::string all;
    for (const auto& c : found) all += c + " ";
    INFO(all);
    for (const char* want : {"busybox@1.35.0", "dropbear@2022.83", "zlib@1.2.13", "glibc@2.36", "openssl@3.0.20",
                             "mbedtls@2.28.3", "libtomcrypt@1.18.2", "u-boot@2023.01", "linux@6.1.176"})
      CHECK_MESSAGE(found.count(want), want);
  }
}
