// U-Boot environments as mkenvimage (u-boot-tools) writes them: plain and
// redundant, 0x00 and 0xff padding, alone and inside a flash dump; a copy
// with one byte changed must fail its CRC32 check.
#include "scanner/fingerprint/metadata/uboot_env.h"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <cstdlib>

#include "tests/support/scratch_dir.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kEnvText =
    "bootargs=console=ttyS0,115200 root=/dev/mtdblock2\n"
    "bootcmd=bootm 0x9f020000\n"
    "bootdelay=2\n"
    "ethaddr=04:a3:16:b0:0c:01\n"
    "serverip=203.0.113.7\n";

/// mkenvimage's output for kEnvText with the given options.
std::string mkenvimage(const test::ScratchDir& dir, const std::string& options) {
  dir.write("env.txt", kEnvText);
  std::string cmd = "mkenvimage " + options + " -o " + dir.path("env.bin") + " " + dir.path("env.txt");
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "mkenvimage failed (u-boot-tools): " << cmd);
  return dir.read("env.bin");
}

std::vector<UBootEnvironment> envs_in(const std::string& bytes) { return uboot_environments(as_bytes(bytes)); }

TEST_CASE("U-Boot environment: mkenvimage's plain image checks, with its size found from the CRC") {
  test::ScratchDir dir;
  REQUIRE(dir.ok());
  std::string env = mkenvimage(dir, "-s 0x4000");
  auto found = envs_in(env);
  REQUIRE(found.size() == 1);
  const auto& e = found[0];
  CHECK(e.crc_ok);
  CHECK_FALSE(e.redundant);
  CHECK(e.offset == 0);
  CHECK(e.size == 0x4000);
  CHECK(e.data_offset == 4);
  CHECK(e.variables == 5);
  CHECK(e.stored_crc == e.computed_crc);
  CHECK(e.stored_crc == uboot_env_crc(as_bytes(std::string_view(env).substr(4))));
}

TEST_CASE("U-Boot environment: a redundant image padded with 0xff, inside a flash dump") {
  test::ScratchDir dir;
  REQUIRE(dir.ok());
  std::string env = mkenvimage(dir, "-r -p 0xff -s 0x20000");
  std::string dump = std::string(0x40000, '\xff') + env + std::string(0x10000, '\xff');
  auto found = envs_in(dump);
  REQUIRE(found.size() == 1);
  CHECK(found[0].crc_ok);
  CHECK(found[0].redundant);
  CHECK(found[0].offset == 0x40000);
  CHECK(found[0].size == 0x20000);
  CHECK(found[0].data_offset == 0x40005);
}

TEST_CASE("U-Boot environment: one changed byte fails the CRC check and is still reported") {
  test::ScratchDir dir;
  REQUIRE(dir.ok());
  std::string env = mkenvimage(dir, "-s 0x4000");
  std::string bad = env;
  auto at = bad.find("0c:01");
  REQUIRE(at != std::string::npos);
  bad[at + 4] = '2';  // ethaddr=...:0c:02
  auto found = envs_in(bad);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].crc_ok);
  CHECK(found[0].stored_crc != found[0].computed_crc);
  CHECK(found[0].size == 0x1000);  // the smallest size tried: the data fits in 4 KiB
  CHECK(found[0].data_offset == 4);
  CHECK(found[0].data_end > at);
  CHECK(uboot_env_warning(found[0]) ==
        fmt::format("U-Boot environment at 0x0: stored CRC32 0x{:08x} matches its data area at none of the sizes tried "
                    "(4 KiB to 1 MiB, and to the end of the file); damaged or stale, its values are reported with "
                    "low confidence",
                    found[0].stored_crc));
}

TEST_CASE("U-Boot environment: a default environment compiled into a binary is not one") {
  // U-Boot's built-in environment: variables with code, not fill, after them.
  std::string binary(0x1000, '\x13');
  binary += std::string("bootcmd=run distro_bootcmd") + '\0' + "bootdelay=2" + '\0' + '\0';
  binary += std::string(0x3000, '\x42');
  CHECK(envs_in(binary).empty());
  // The same where a header would fit on a 512-byte boundary before it.
  binary.insert(0x1000, "\x13\x13\x13\x13");
  CHECK(envs_in(binary).empty());
  CHECK(envs_in("").empty());
  CHECK(envs_in(std::string("bootcmd=") + '\0').empty());
}

}  // namespace
}  // namespace pedigree::fingerprint
