// Reading a library's version from the integers it exports.
//
// Some libraries export their version as data objects rather than text:
// libnl's `nl_ver_maj`, `nl_ver_min` and `nl_ver_mic` are `const int`s in
// .rodata, named in the dynamic symbol table. A rule's `version_symbols` meta
// names them in order, joined by dots ("nl_ver_maj.nl_ver_min.nl_ver_mic");
// each must be a defined data object (STT_OBJECT) of 1, 2, 4 or 8 bytes whose
// value, read in the file's byte order from the bytes its address is loaded
// from, is below kMaxVersionField. The version is the values joined by dots.
//
// Symbol entry (System V ABI): 32-bit st_name u32, st_value u32, st_size u32,
// st_info u8, st_other u8, st_shndx u16 (16 bytes); 64-bit st_name u32,
// st_info u8, st_other u8, st_shndx u16, st_value u64, st_size u64 (24 bytes).
// The low four bits of st_info are the symbol type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scanner/core/bytes.h"
#include "scanner/unpack/formats/elf_reader.h"

namespace pedigree::fingerprint {

/// A version field read from a symbol is below this: larger is no version.
inline constexpr std::uint64_t kMaxVersionField = 10000;

/// The value of the data object `name` in the dynamic symbol table, or nullopt.
std::optional<std::uint64_t> elf_object_value(ByteView data, const unpack::ElfFile& f, std::string_view name);

/// The version the symbols of `spec` ("a.b.c") hold in the ELF file `data`;
/// nullopt when `data` is no ELF file or a symbol is missing or out of range.
std::optional<std::string> exported_version(std::string_view spec, ByteView data);

}  // namespace pedigree::fingerprint
