// What an ELF file's headers say about it, for the ELF analysis: word size,
// byte order, CPU, ABI, kind, dynamic loader, and whether it is a Linux
// kernel. A pure function over the file's bytes.
#pragma once

#include <cstdint>
#include <string>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree::unpack {

struct ElfInfo {
  unsigned bits = 0;  ///< 32 or 64
  Endian endian = Endian::kLittle;
  std::uint16_t machine = 0;  ///< e_machine
  std::string machine_name;   ///< "MIPS", "ARM", "AArch64", "x86-64", … or "machine 0x…"
  std::uint32_t flags = 0;    ///< e_flags (MIPS ABI and ISA level, ARM EABI version)
  std::uint8_t os_abi = 0;    ///< EI_OSABI
  std::string os_abi_name;    ///< "SYSV", "Linux", "FreeBSD", … or "ABI …"
  std::uint16_t type = 0;     ///< e_type
  std::string type_name;      ///< "REL", "EXEC", "DYN", "CORE" or "type …"
  std::string interpreter;    ///< PT_INTERP, e.g. "/lib/ld-musl-mipsel.so.1"; empty when static
  bool linux_kernel = false;  ///< a static executable with a `linux_banner` symbol or "Linux version " in .rodata
};

/// Reads the headers of the ELF file at the start of `data`. The file may be
/// cut short: what lies past the end is simply not looked at.
Result<ElfInfo> read_elf_info(ByteView data);

}  // namespace pedigree::unpack
