#include "scanner/unpack/formats/elf_info.h"

#include <doctest/doctest.h>

#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

TEST_CASE("elf_info: a native program: 64-bit little-endian x86-64 PIE with the glibc loader") {
  Blob ls = test::read_file("/bin/ls");
  auto info = unpack::read_elf_info(ls.view());
  REQUIRE(info.ok());
  CHECK(info->bits == 64);
  CHECK(info->endian == Endian::kLittle);
  CHECK(info->machine == 62);
  CHECK(info->machine_name == "x86-64");
  CHECK(info->type_name == "DYN");
  CHECK(info->os_abi_name == "SYSV");
  CHECK(info->interpreter == "/lib64/ld-linux-x86-64.so.2");
  CHECK_FALSE(info->linux_kernel);
}

TEST_CASE("elf_info: a big-endian MIPS header alone") {
  std::string h(52, '\0');
  h.replace(0, 8,
            std::string("\x7f"
                        "ELF\x01\x02\x01\x00",
                        8));
  h[17] = 2;   // ET_EXEC, big-endian
  h[19] = 8;   // EM_MIPS
  h[23] = 1;   // EV_CURRENT
  h[41] = 52;  // e_ehsize
  auto info = unpack::read_elf_info(as_bytes(h));
  REQUIRE(info.ok());
  CHECK(info->bits == 32);
  CHECK(info->endian == Endian::kBig);
  CHECK(info->machine_name == "MIPS");
  CHECK(info->type_name == "EXEC");
  CHECK(info->interpreter.empty());
  CHECK_FALSE(info->linux_kernel);
  CHECK_FALSE(unpack::read_elf_info(as_bytes(h.substr(0, 40))).ok());
  CHECK_FALSE(unpack::read_elf_info(as_bytes(std::string_view("MZ not an elf"))).ok());
}

TEST_CASE("elf_info: a little-endian MIPS kernel is told by its banner string or its linux_banner symbol") {
  if (!test::have_tool("mipsel-linux-gnu-as") || !test::have_tool("mipsel-linux-gnu-ld")) {
    MESSAGE("mipsel binutils absent: skipped");
    return;
  }
  test::ToolDir dir;
  dir.write("banner.s",
            ".section .rodata\n.asciz \"Linux version 6.1.0 (build@host) #1 SMP\"\n"
            ".text\n.globl __start\n__start: nop\n");
  dir.write("symbol.s",
            ".data\n.globl linux_banner\nlinux_banner: .asciz \"x\"\n"
            ".text\n.globl __start\n__start: nop\n");
  REQUIRE(
      dir.run("for k in banner symbol; do mipsel-linux-gnu-as -o $k.o $k.s && "
              "mipsel-linux-gnu-ld -static -e __start -o $k.elf $k.o || exit 1; done"));
  for (const char* name : {"banner.elf", "symbol.elf"}) {
    CAPTURE(name);
    std::string bytes = dir.read(name);
    auto info = unpack::read_elf_info(as_bytes(bytes));
    REQUIRE(info.ok());
    CHECK(info->bits == 32);
    CHECK(info->endian == Endian::kLittle);
    CHECK(info->machine_name == "MIPS");
    CHECK(info->type_name == "EXEC");
    CHECK(info->linux_kernel);
  }
}

}  // namespace
}  // namespace pedigree
