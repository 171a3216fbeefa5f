#include "scanner/unpack/formats/elf_info.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "scanner/unpack/formats/elf_reader.h"

namespace pedigree::unpack {
namespace {

std::string machine_name(std::uint16_t m) {
  static constexpr std::array<std::pair<std::uint16_t, std::string_view>, 30> kNames{{
      {2, "SPARC"},        {3, "x86"},      {4, "m68k"},       {8, "MIPS"},      {10, "MIPS"},       {15, "PA-RISC"},
      {18, "SPARC"},       {20, "PowerPC"}, {21, "PowerPC64"}, {22, "S/390"},    {40, "ARM"},        {42, "SuperH"},
      {43, "SPARC64"},     {50, "IA-64"},   {62, "x86-64"},    {83, "AVR"},      {88, "M32R"},       {92, "OpenRISC"},
      {93, "ARC"},         {94, "Xtensa"},  {106, "Blackfin"}, {113, "Nios II"}, {164, "Hexagon"},   {183, "AArch64"},
      {189, "MicroBlaze"}, {195, "ARCv2"},  {243, "RISC-V"},   {252, "C-SKY"},   {258, "LoongArch"}, {0x9026, "Alpha"},
  }};
  for (const auto& [code, name] : kNames) {
    if (code == m) return std::string(name);
  }
  return fmt::format("machine 0x{:x}", m);
}

std::string os_abi_name(std::uint8_t abi) {
  switch (abi) {
    case 0: return "SYSV";
    case 1: return "HP-UX";
    case 2: return "NetBSD";
    case 3: return "Linux";
    case 6: return "Solaris";
    case 9: return "FreeBSD";
    case 12: return "OpenBSD";
    case 64: return "ARM EABI";
    case 97: return "ARM";
    case 255: return "standalone";
    default: return fmt::format("ABI {}", abi);
  }
}

std::string type_name(std::uint16_t t) {
  switch (t) {
    case 1: return "REL";
    case 2: return "EXEC";
    case 3: return "DYN";
    case 4: return "CORE";
    default: return fmt::format("type {}", t);
  }
}

// True when a symbol table names `linux_banner`, the kernel's version string.
bool has_banner_symbol(ByteView data, const ElfFile& f) {
  static constexpr std::string_view kBanner = "linux_banner";
  const std::uint64_t entsize = f.is64 ? 24 : 16;
  for (const auto& s : f.sections) {
    if (s.type != kShtSymtab || s.link >= f.sections.size()) continue;
    ByteReader syms(elf_section_bytes(data, s), f.endian);
    std::string_view names = as_chars(elf_section_bytes(data, f.sections[s.link]));
    for (std::uint64_t at = 0; at + entsize <= syms.size(); at += entsize) {
      std::uint32_t name = syms.u32(at).value_or(0);
      if (name < names.size() && names.substr(name).starts_with(kBanner) &&
          (name + kBanner.size() == names.size() || names[name + kBanner.size()] == '\0')) {
        return true;
      }
    }
  }
  return false;
}

bool has_banner_string(ByteView data, const ElfFile& f) {
  for (const auto& s : f.sections) {
    if (s.name == ".rodata" && as_chars(elf_section_bytes(data, s)).find("Linux version ") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<ElfInfo> read_elf_info(ByteView data) {
  auto f = parse_elf(data);
  if (!f) return f.error();
  ElfInfo info;
  info.bits = f->is64 ? 64 : 32;
  info.endian = f->endian;
  info.machine = f->machine;
  info.machine_name = machine_name(f->machine);
  info.flags = f->flags;
  info.os_abi = f->os_abi;
  info.os_abi_name = os_abi_name(f->os_abi);
  info.type = f->type;
  info.type_name = type_name(f->type);
  info.interpreter = elf_interpreter(data, *f);
  // A kernel is a static executable; programs that merely print the
  // banner (from /proc/version) are dynamic or have an interpreter.
  bool static_exec = f->type == 2 && info.interpreter.empty();
  info.linux_kernel = static_exec && (has_banner_string(data, *f) || has_banner_symbol(data, *f));
  return info;
}

}  // namespace pedigree::unpack
