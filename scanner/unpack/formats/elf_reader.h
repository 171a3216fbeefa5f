// ELF headers read with ByteReader, for the elf format and read_elf_info.
//
// ELF (System V ABI): a 16-byte identification (7f 'E' 'L' 'F', class 1 for
// 32-bit or 2 for 64-bit, data 1 for little- or 2 for big-endian, version 1,
// OS ABI), then the rest of the file header in the file's byte order: type,
// machine, version, entry, the offsets of the program header table (segments,
// what a loader maps) and of the section header table (what a linker sees),
// their entry sizes and counts, and the index of the section that holds the
// section names. A section count of 0 with a table present means the real
// count is in section 0's size field; a name index of 0xffff means it is in
// section 0's link field.
//
// Parsed by hand rather than through libelf: one bounds-checked pass over a
// read-only mapping, the same code for both classes and byte orders, and no
// library state to initialise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree::unpack {

inline constexpr std::uint32_t kShtSymtab = 2, kShtDynamic = 6, kShtNobits = 8, kShtDynsym = 11;
inline constexpr std::uint32_t kPtLoad = 1, kPtDynamic = 2, kPtInterp = 3;
inline constexpr std::uint32_t kPtGnuStack = 0x6474e551, kPtGnuRelro = 0x6474e552;
inline constexpr std::uint32_t kPfX = 1, kPfW = 2, kPfR = 4;

struct ElfSection {
  std::string_view name;  ///< points into the input; empty without a name table
  std::uint32_t type = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint32_t link = 0;
  std::uint64_t entsize = 0;
};

struct ElfSegment {
  std::uint32_t type = 0;
  std::uint32_t flags = 0;  ///< kPfR | kPfW | kPfX
  std::uint64_t offset = 0;
  std::uint64_t vaddr = 0;
  std::uint64_t filesz = 0;
};

struct ElfFile {
  bool is64 = false;
  Endian endian = Endian::kLittle;
  std::uint8_t os_abi = 0;
  std::uint16_t type = 0;
  std::uint16_t machine = 0;
  std::uint32_t flags = 0;
  std::vector<ElfSegment> segments;
  std::vector<ElfSection> sections;
  /// Bytes the file occupies: the furthest end of the headers, their tables,
  /// every section with file contents and every segment. May exceed the input.
  std::uint64_t extent = 0;
};

/// Parses the file header and both header tables, which must lie inside
/// `data`; sections and segments are only recorded, not checked (see extent).
Result<ElfFile> parse_elf(ByteView data);

/// A section's bytes, or empty when it has none in the file or they do not fit.
ByteView elf_section_bytes(ByteView data, const ElfSection& s);

/// The dynamic loader named by PT_INTERP ("/lib/ld-musl-mipsel.so.1"); empty when static.
std::string elf_interpreter(ByteView data, const ElfFile& f);

}  // namespace pedigree::unpack
