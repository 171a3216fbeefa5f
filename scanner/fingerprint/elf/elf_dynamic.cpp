#include "scanner/fingerprint/elf/elf_dynamic.h"

#include <optional>

namespace pedigree::fingerprint {
namespace {

using unpack::ElfFile;

constexpr std::uint64_t kDtNull = 0, kDtNeeded = 1, kDtStrtab = 5, kDtStrsz = 10, kDtSoname = 14, kDtRpath = 15,
                        kDtDebug = 21, kDtBindNow = 24, kDtRunpath = 29, kDtFlags = 30, kDtFlags1 = 0x6ffffffb;
constexpr std::uint64_t kDfBindNow = 0x8;
/// Longest string read from the dynamic string table; paths and names are far shorter.
constexpr std::size_t kMaxDynString = 4096;
/// Most dynamic entries looked at; real files have a few dozen.
constexpr std::uint64_t kMaxDynEntries = 1 << 16;

std::optional<std::uint64_t> word(const ByteReader& r, bool is64, std::uint64_t off) {
  if (is64) return r.u64(off);
  auto v = r.u32(off);
  return v ? std::optional<std::uint64_t>(*v) : std::nullopt;
}

std::string string_at(std::string_view table, std::uint64_t off) {
  if (off >= table.size()) return {};
  std::string_view s = table.substr(off, kMaxDynString);
  return std::string(s.substr(0, s.find('\0')));
}

std::vector<std::string> split_paths(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(':', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct DynSource {
  ByteView entries;
  std::string_view strings;  // empty until DT_STRTAB is resolved, for segment-based reads
  bool from_segment = false;
};

DynSource find_dynamic(ByteView data, const ElfFile& f) {
  for (const auto& s : f.sections) {
    if (s.type != unpack::kShtDynamic) continue;
    DynSource src{unpack::elf_section_bytes(data, s), {}, false};
    if (s.link < f.sections.size()) src.strings = as_chars(unpack::elf_section_bytes(data, f.sections[s.link]));
    return src;
  }
  for (const auto& s : f.segments) {
    if (s.type == unpack::kPtDynamic) return {slice(data, s.offset, s.filesz), {}, true};
  }
  return {};
}

struct RawEntry {
  std::uint64_t tag, value;
};

std::vector<RawEntry> raw_entries(ByteView entries, const ElfFile& f) {
  ByteReader r(entries, f.endian);
  const std::uint64_t size = f.is64 ? 16 : 8, half = size / 2;
  std::vector<RawEntry> out;
  for (std::uint64_t at = 0; at + size <= r.size() && out.size() < kMaxDynEntries; at += size) {
    auto tag = word(r, f.is64, at), value = word(r, f.is64, at + half);
    if (!tag || !value || *tag == kDtNull) break;
    out.push_back({*tag, *value});
  }
  return out;
}

std::string_view strings_from_segment(ByteView data, const ElfFile& f, const std::vector<RawEntry>& entries) {
  std::uint64_t addr = 0, size = 0;
  for (const auto& e : entries) {
    if (e.tag == kDtStrtab) addr = e.value;
    if (e.tag == kDtStrsz) size = e.value;
  }
  return as_chars(elf_bytes_at_address(data, f, addr, size));
}

}  // namespace

ByteView elf_bytes_at_address(ByteView data, const ElfFile& f, std::uint64_t addr, std::uint64_t len) {
  for (const auto& s : f.segments) {
    if (s.type != unpack::kPtLoad || addr < s.vaddr || addr - s.vaddr >= s.filesz) continue;
    std::uint64_t off = s.offset + (addr - s.vaddr);
    std::uint64_t avail = s.filesz - (addr - s.vaddr);
    return slice(data, off, len < avail ? len : avail);
  }
  return {};
}

ElfDynamic read_elf_dynamic(ByteView data, const ElfFile& f) {
  ElfDynamic d;
  DynSource src = find_dynamic(data, f);
  if (src.entries.empty()) return d;
  d.present = true;
  std::vector<RawEntry> entries = raw_entries(src.entries, f);
  if (src.from_segment) src.strings = strings_from_segment(data, f, entries);
  for (const auto& e : entries) {
    switch (e.tag) {
      case kDtNeeded:
        if (auto name = string_at(src.strings, e.value); !name.empty()) d.needed.push_back(std::move(name));
        break;
      case kDtSoname: d.soname = string_at(src.strings, e.value); break;
      case kDtRpath: d.rpath = split_paths(string_at(src.strings, e.value)); break;
      case kDtRunpath: d.runpath = split_paths(string_at(src.strings, e.value)); break;
      case kDtDebug: d.debug = true; break;
      case kDtBindNow: d.bind_now = true; break;
      case kDtFlags: d.bind_now = d.bind_now || (e.value & kDfBindNow) != 0; break;
      case kDtFlags1: d.flags_1 = e.value; break;
      default: break;
    }
  }
  return d;
}

std::vector<std::string_view> elf_symbol_names(ByteView data, const ElfFile& f, std::uint32_t section_type) {
  std::vector<std::string_view> out;
  const std::uint64_t entsize = f.is64 ? 24 : 16;
  for (const auto& s : f.sections) {
    if (s.type != section_type || s.link >= f.sections.size()) continue;
    ByteReader syms(unpack::elf_section_bytes(data, s), f.endian);
    std::string_view names = as_chars(unpack::elf_section_bytes(data, f.sections[s.link]));
    for (std::uint64_t at = 0; at + entsize <= syms.size(); at += entsize) {
      std::uint32_t name = syms.u32(at).value_or(0);
      if (name == 0 || name >= names.size()) continue;
      std::string_view n = names.substr(name);
      n = n.substr(0, n.find('\0'));
      if (!n.empty()) out.push_back(n);
    }
  }
  return out;
}

}  // namespace pedigree::fingerprint
