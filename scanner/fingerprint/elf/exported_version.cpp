#include "scanner/fingerprint/elf/exported_version.h"

#include <vector>

#include "scanner/fingerprint/elf/elf_dynamic.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::uint8_t kSttObject = 1;
constexpr std::uint8_t kSymTypeMask = 0xf;
constexpr std::uint16_t kShnUndef = 0;
constexpr std::uint64_t kEntry32 = 16, kEntry64 = 24;
/// Names in a spec at most: major, minor, micro and one more.
constexpr std::size_t kMaxFields = 4;

struct Symbol {
  std::uint64_t value = 0, size = 0;
  std::uint8_t type = 0;
  std::uint16_t section = kShnUndef;
};

/// A word of the file's class: 8 bytes in 64-bit files, 4 in 32-bit ones.
std::optional<std::uint64_t> word(const ByteReader& r, bool is64, std::uint64_t off) {
  if (is64) return r.u64(off);
  auto v = r.u32(off);
  return v ? std::optional<std::uint64_t>(*v) : std::nullopt;
}

std::optional<Symbol> read_symbol(const ByteReader& r, bool is64, std::uint64_t at) {
  Symbol s;
  auto info = r.u8(at + (is64 ? 4 : 12));
  auto shndx = r.u16(at + (is64 ? 6 : 14));
  auto value = word(r, is64, at + (is64 ? 8 : 4));
  auto size = word(r, is64, at + (is64 ? 16 : 8));
  if (!info || !shndx || !value || !size) return std::nullopt;
  s.type = *info & kSymTypeMask;
  s.section = *shndx;
  s.value = *value;
  s.size = *size;
  return s;
}

std::optional<Symbol> find_symbol(ByteView data, const unpack::ElfFile& f, std::string_view name) {
  const std::uint64_t entsize = f.is64 ? kEntry64 : kEntry32;
  for (const auto& sec : f.sections) {
    if (sec.type != unpack::kShtDynsym || sec.link >= f.sections.size()) continue;
    ByteReader syms(unpack::elf_section_bytes(data, sec), f.endian);
    std::string_view names = as_chars(unpack::elf_section_bytes(data, f.sections[sec.link]));
    for (std::uint64_t at = 0; at + entsize <= syms.size(); at += entsize) {
      std::uint32_t off = syms.u32(at).value_or(0);
      if (off == 0 || off >= names.size()) continue;
      std::string_view n = names.substr(off);
      if (n.substr(0, n.find('\0')) == name) return read_symbol(syms, f.is64, at);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::uint64_t> elf_object_value(ByteView data, const unpack::ElfFile& f, std::string_view name) {
  auto sym = find_symbol(data, f, name);
  if (!sym || sym->type != kSttObject || sym->section == kShnUndef) return std::nullopt;
  if (sym->size != 1 && sym->size != 2 && sym->size != 4 && sym->size != 8) return std::nullopt;
  ByteReader r(elf_bytes_at_address(data, f, sym->value, sym->size), f.endian);
  if (r.size() != sym->size) return std::nullopt;
  switch (sym->size) {
    case 1: return r.u8(0);
    case 2: return r.u16(0);
    case 4: return r.u32(0);
    default: return r.u64(0);
  }
}

std::optional<std::string> exported_version(std::string_view spec, ByteView data) {
  std::vector<std::string_view> names;
  while (names.size() <= kMaxFields) {
    auto dot = spec.find('.');
    names.push_back(spec.substr(0, dot));
    if (dot == std::string_view::npos) break;
    spec.remove_prefix(dot + 1);
  }
  if (names.size() < 2 || names.size() > kMaxFields) return std::nullopt;
  auto f = unpack::parse_elf(data);
  if (!f) return std::nullopt;
  std::string out;
  for (auto name : names) {
    if (name.empty()) return std::nullopt;
    auto v = elf_object_value(data, *f, name);
    if (!v || *v >= kMaxVersionField) return std::nullopt;
    if (!out.empty()) out += '.';
    out += std::to_string(*v);
  }
  return out;
}

}  // namespace pedigree::fingerprint
