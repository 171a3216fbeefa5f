#include "scanner/fingerprint/elf/elf_abi.h"

#include <fmt/format.h>

#include <array>
#include <string_view>
#include <utility>

namespace pedigree::fingerprint {
namespace {

constexpr std::uint16_t kEmMips = 8, kEmMipsRs3Le = 10, kEmArm = 40, kEmAarch64 = 183, kEmRiscv = 243;
constexpr std::uint32_t kMipsAbiMask = 0xf000, kMipsAbiO32 = 0x1000, kMipsAbiO64 = 0x2000, kMipsAbiEabi32 = 0x3000,
                        kMipsAbiEabi64 = 0x4000;
constexpr std::uint32_t kMipsAbi2 = 0x20, kMipsNan2008 = 0x400;
constexpr std::uint32_t kArmFloatHard = 0x400, kArmFloatSoft = 0x200;
constexpr std::uint32_t kRiscvFloatMask = 0x6;

std::string mips_abi(bool is64, std::uint32_t flags) {
  std::string abi;
  switch (flags & kMipsAbiMask) {
    case kMipsAbiO32: abi = "o32"; break;
    case kMipsAbiO64: abi = "o64"; break;
    case kMipsAbiEabi32: abi = "eabi32"; break;
    case kMipsAbiEabi64: abi = "eabi64"; break;
    default:
      // No ABI bits (usual for n32 and n64): the class and ABI2 decide.
      abi = is64 ? "n64" : (flags & kMipsAbi2) != 0 ? "n32" : "o32";
      break;
  }
  std::string out = "mips " + abi;
  if ((flags & kMipsNan2008) != 0) out += " nan2008";
  return out;
}

std::string arm_abi(std::uint32_t flags, const std::string& interpreter) {
  std::uint32_t eabi = flags >> 24;
  std::string out = eabi == 0 ? "arm oabi" : fmt::format("arm eabi{}", eabi);
  if ((flags & kArmFloatHard) != 0 || interpreter.find("armhf") != std::string::npos) {
    out += " hard-float";
  } else if ((flags & kArmFloatSoft) != 0) {
    out += " soft-float";
  }
  return out;
}

std::string riscv_abi(bool is64, std::uint32_t flags) {
  static constexpr std::array<std::string_view, 4> kFloat{"", "f", "d", "q"};
  return fmt::format("riscv {}{}", is64 ? "lp64" : "ilp32", kFloat[(flags & kRiscvFloatMask) >> 1]);
}

}  // namespace

std::string elf_machine_name(std::uint16_t m) {
  static constexpr std::array<std::pair<std::uint16_t, std::string_view>, 28> kNames{{
      {2, "sparc"},    {3, "i386"},       {4, "m68k"},       {8, "mips"},        {10, "mips"},     {15, "parisc"},
      {18, "sparc"},   {20, "powerpc"},   {21, "powerpc64"}, {22, "s390"},       {40, "arm"},      {42, "superh"},
      {43, "sparc64"}, {50, "ia64"},      {62, "x86_64"},    {83, "avr"},        {92, "openrisc"}, {93, "arc"},
      {94, "xtensa"},  {106, "blackfin"}, {113, "nios2"},    {164, "hexagon"},   {183, "aarch64"}, {189, "microblaze"},
      {195, "arcv2"},  {243, "riscv"},    {252, "csky"},     {258, "loongarch"},
  }};
  for (const auto& [code, name] : kNames) {
    if (code == m) return std::string(name);
  }
  return fmt::format("machine-0x{:x}", m);
}

std::string elf_abi_name(std::uint16_t machine, bool is64, std::uint32_t flags, const std::string& interpreter) {
  switch (machine) {
    case kEmMips:
    case kEmMipsRs3Le: return mips_abi(is64, flags);
    case kEmArm: return arm_abi(flags, interpreter);
    case kEmAarch64: return is64 ? "aarch64 lp64" : "aarch64 ilp32";
    case kEmRiscv: return riscv_abi(is64, flags);
    default: return {};
  }
}

}  // namespace pedigree::fingerprint
