#include "scanner/fingerprint/elf/architectures.h"

#include <doctest/doctest.h>

namespace pedigree {
namespace {

report::Binary binary(std::string machine, std::uint32_t bits, std::string endian, std::string abi) {
  report::Binary b;
  b.machine = std::move(machine);
  b.bits = bits;
  b.endian = std::move(endian);
  b.abi = std::move(abi);
  return b;
}

TEST_CASE("architectures: one line per CPU and ABI, counted, most files first") {
  std::vector<report::Binary> bins = {
      binary("arm", 32, "little", "arm eabi5 hard-float"),
      binary("mips", 32, "little", "mips o32"),
      binary("mips", 32, "little", "mips o32"),
      binary("x86_64", 64, "little", ""),
  };
  auto lines = fingerprint::summarise_architectures(bins);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "mips 32-bit little-endian (o32): 2 files");
  CHECK(lines[1] == "arm 32-bit little-endian (eabi5 hard-float): 1 file");
  CHECK(lines[2] == "x86_64 64-bit little-endian: 1 file");
  CHECK(fingerprint::summarise_architectures({}).empty());
}

}  // namespace
}  // namespace pedigree
