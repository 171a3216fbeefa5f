// The dynamic section of an ELF file: what the loader is told (libraries to
// load, the object's own name, search paths, binding flags), and the names in
// its symbol tables.
//
// Layout (System V ABI): the dynamic section is an array of (tag, value)
// pairs, each a word of the file's class (4 or 8 bytes), ended by DT_NULL.
// String-valued tags (DT_NEEDED, DT_SONAME, DT_RPATH, DT_RUNPATH) hold an
// offset into the dynamic string table. The array is found through the
// SHT_DYNAMIC section header, whose sh_link names the string table; a file
// with no section headers (sstrip) is read through PT_DYNAMIC instead, and
// DT_STRTAB, a virtual address, is turned into a file offset through the
// PT_LOAD segment that maps it. A symbol table (SHT_SYMTAB, SHT_DYNSYM) is an
// array of 16-byte (32-bit) or 24-byte (64-bit) entries whose first field is
// an offset into the string table named by the section's sh_link.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/unpack/formats/elf_reader.h"

namespace pedigree::fingerprint {

inline constexpr std::uint64_t kDf1Now = 0x1, kDf1Pie = 0x08000000;

struct ElfDynamic {
  bool present = false;  ///< the file has a dynamic section
  std::vector<std::string> needed;
  std::string soname;
  std::vector<std::string> rpath;
  std::vector<std::string> runpath;
  bool bind_now = false;  ///< DT_BIND_NOW, or DF_BIND_NOW in DT_FLAGS
  bool debug = false;     ///< DT_DEBUG: the slot a debugger uses, set by linkers in executables only
  std::uint64_t flags_1 = 0;
};

/// Reads the dynamic section; an absent or damaged one gives what could be read.
ElfDynamic read_elf_dynamic(ByteView data, const unpack::ElfFile& f);

/// The file bytes a virtual address range is loaded from, through PT_LOAD;
/// cut at the end of the segment, empty when no segment maps `addr`.
ByteView elf_bytes_at_address(ByteView data, const unpack::ElfFile& f, std::uint64_t addr, std::uint64_t len);

/// The names in every symbol table of `section_type` (unpack::kShtDynsym or
/// unpack::kShtSymtab), in table order, empty names left out. The views point into `data`.
std::vector<std::string_view> elf_symbol_names(ByteView data, const unpack::ElfFile& f, std::uint32_t section_type);

}  // namespace pedigree::fingerprint
