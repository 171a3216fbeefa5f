// What an ELF file is built for, in the words a firmware analyst uses: the
// CPU ("mips", "arm", "aarch64") and the calling convention and float ABI the
// e_flags field records (MIPS o32/n32/n64 and NaN encoding, ARM EABI version
// and hard/soft float, RISC-V float ABI).
//
// e_flags facts (per-processor ELF supplements):
// - MIPS: bits 12-15 EF_MIPS_ABI (1 o32, 2 o64, 3 eabi32, 4 eabi64); bit 5
//   EF_MIPS_ABI2 marks n32; a 64-bit class file is n64; bit 10
//   EF_MIPS_NAN2008 marks the IEEE 754-2008 NaN encoding.
// - ARM: bits 24-31 EABI version (0 = old GNU ABI); 0x400 hard float,
//   0x200 soft float (both absent: unspecified).
// - RISC-V: bits 1-2 float ABI (0 soft, 1 single, 2 double, 3 quad).
#pragma once

#include <cstdint>
#include <string>

namespace pedigree::fingerprint {

/// Short lower-case CPU name for e_machine: "mips", "arm", "x86_64", … or "machine-0x…".
std::string elf_machine_name(std::uint16_t machine);

/// "mips o32", "mips n64 nan2008", "arm eabi5 hard-float", "aarch64 lp64", …;
/// empty when the ABI says nothing beyond the CPU and word size.
/// `interpreter` helps where e_flags is silent (ARM's ld-linux-armhf).
std::string elf_abi_name(std::uint16_t machine, bool is64, std::uint32_t flags, const std::string& interpreter);

}  // namespace pedigree::fingerprint
