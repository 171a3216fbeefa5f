#include "scanner/unpack/formats/elf_reader.h"

#include <algorithm>
#include <optional>

namespace pedigree::unpack {
namespace {

constexpr std::uint16_t kShnXindex = 0xffff;
/// Longest loader path read; real ones are a few dozen bytes.
constexpr std::uint64_t kMaxInterpreter = 4096;

// Where the header fields sit, and how big the table entries are, per class.
struct ClassShape {
  std::uint64_t ehsize, phentsize, shentsize;
  std::uint64_t phoff_at, shoff_at, flags_at, ehsize_at;  // ehsize_at: e_ehsize, then 5 more u16 follow
};
constexpr ClassShape kElf32{52, 32, 40, 28, 32, 36, 40};
constexpr ClassShape kElf64{64, 56, 64, 32, 40, 48, 52};

struct Tables {
  std::uint64_t phoff = 0, shoff = 0;
  std::uint32_t phnum = 0, shnum = 0, shstrndx = 0;
};

std::optional<std::uint64_t> word(const ByteReader& r, bool is64, std::uint64_t off) {
  if (is64) return r.u64(off);
  auto v = r.u32(off);
  return v ? std::optional<std::uint64_t>(*v) : std::nullopt;
}

Result<Tables> read_tables(const ByteReader& r, bool is64, const ClassShape& shape) {
  auto phoff = word(r, is64, shape.phoff_at), shoff = word(r, is64, shape.shoff_at);
  auto ehsize = r.u16(shape.ehsize_at), phentsize = r.u16(shape.ehsize_at + 2), phnum = r.u16(shape.ehsize_at + 4);
  auto shentsize = r.u16(shape.ehsize_at + 6), shnum = r.u16(shape.ehsize_at + 8),
       shstrndx = r.u16(shape.ehsize_at + 10);
  if (!phoff || !shoff || !ehsize || !phentsize || !phnum || !shentsize || !shnum || !shstrndx) {
    return make_error(Errc::kTruncated, "elf header truncated");
  }
  if (*ehsize != shape.ehsize) return make_error(Errc::kCorrupt, "elf header size field wrong");
  Tables t{*phoff, *shoff, *phnum, *shnum, *shstrndx};
  if (t.phnum != 0 && *phentsize != shape.phentsize) return make_error(Errc::kCorrupt, "elf program header size wrong");
  if (t.phnum != 0 && !in_bounds(t.phoff, t.phnum * shape.phentsize, r.size())) {
    return make_error(Errc::kTruncated, "elf program header table runs past the data");
  }
  if (t.shoff == 0) {
    t.shnum = 0;
    return t;
  }
  if (*shentsize != shape.shentsize) return make_error(Errc::kCorrupt, "elf section header size wrong");
  if (!in_bounds(t.shoff, shape.shentsize, r.size())) {
    return make_error(Errc::kTruncated, "elf section header table runs past the data");
  }
  // Extended numbering: section 0 holds the real count and name-table index.
  if (t.shnum == 0) {
    auto n = word(r, is64, t.shoff + (is64 ? 32 : 20));
    if (!n || *n > r.size() / shape.shentsize) return make_error(Errc::kCorrupt, "elf section count out of range");
    t.shnum = static_cast<std::uint32_t>(*n);
  }
  if (t.shstrndx == kShnXindex) t.shstrndx = r.u32(t.shoff + (is64 ? 40 : 24)).value_or(0);
  if (!in_bounds(t.shoff, std::uint64_t{t.shnum} * shape.shentsize, r.size())) {
    return make_error(Errc::kTruncated, "elf section header table runs past the data");
  }
  return t;
}

void read_segments(const ByteReader& r, const Tables& t, const ClassShape& shape, ElfFile& f) {
  f.segments.reserve(t.phnum);
  for (std::uint32_t i = 0; i < t.phnum; ++i) {
    std::uint64_t at = t.phoff + i * shape.phentsize;
    ElfSegment s;
    s.type = r.u32(at).value_or(0);
    s.flags = r.u32(at + (f.is64 ? 4 : 24)).value_or(0);
    s.offset = word(r, f.is64, at + (f.is64 ? 8 : 4)).value_or(0);
    s.vaddr = word(r, f.is64, at + (f.is64 ? 16 : 8)).value_or(0);
    s.filesz = word(r, f.is64, at + (f.is64 ? 32 : 16)).value_or(0);
    f.segments.push_back(s);
  }
}

void read_sections(const ByteReader& r, const Tables& t, const ClassShape& shape, ElfFile& f) {
  f.sections.reserve(t.shnum);
  std::vector<std::uint32_t> name_offsets;
  name_offsets.reserve(t.shnum);
  for (std::uint32_t i = 0; i < t.shnum; ++i) {
    std::uint64_t at = t.shoff + std::uint64_t{i} * shape.shentsize;
    ElfSection s;
    name_offsets.push_back(r.u32(at).value_or(0));
    s.type = r.u32(at + 4).value_or(0);
    s.offset = word(r, f.is64, at + (f.is64 ? 24 : 16)).value_or(0);
    s.size = word(r, f.is64, at + (f.is64 ? 32 : 20)).value_or(0);
    s.link = r.u32(at + (f.is64 ? 40 : 24)).value_or(0);
    s.entsize = word(r, f.is64, at + (f.is64 ? 56 : 36)).value_or(0);
    f.sections.push_back(s);
  }
  if (t.shstrndx == 0 || t.shstrndx >= f.sections.size()) return;
  std::string_view names = as_chars(elf_section_bytes(r.data(), f.sections[t.shstrndx]));
  for (std::size_t i = 0; i < f.sections.size(); ++i) {
    if (name_offsets[i] >= names.size()) continue;
    std::string_view n = names.substr(name_offsets[i]);
    f.sections[i].name = n.substr(0, n.find('\0'));
  }
}

std::uint64_t extent_of(const ElfFile& f, const Tables& t, const ClassShape& shape) {
  std::uint64_t end = shape.ehsize;
  auto grow = [&end](std::uint64_t off, std::uint64_t len) {
    end = std::max(end, off + len < off ? UINT64_MAX : off + len);
  };
  if (t.phnum != 0) grow(t.phoff, std::uint64_t{t.phnum} * shape.phentsize);
  if (t.shnum != 0) grow(t.shoff, std::uint64_t{t.shnum} * shape.shentsize);
  for (const auto& s : f.sections) {
    if (s.type != kShtNobits && s.type != 0) grow(s.offset, s.size);
  }
  for (const auto& s : f.segments) grow(s.offset, s.filesz);
  return end;
}

}  // namespace

Result<ElfFile> parse_elf(ByteView data) {
  ByteReader id(data);
  if (!id.matches(0,
                  "\x7f"
                  "ELF"))
    return make_error(Errc::kBadMagic, "not an elf file");
  auto cls = id.u8(4), enc = id.u8(5), ver = id.u8(6), abi = id.u8(7);
  if (!cls || !enc || !ver || !abi) return make_error(Errc::kTruncated, "elf identification truncated");
  if ((*cls != 1 && *cls != 2) || (*enc != 1 && *enc != 2) || *ver != 1) {
    return make_error(Errc::kBadMagic, "elf identification fields out of range");
  }
  ElfFile f;
  f.is64 = *cls == 2;
  f.endian = *enc == 1 ? Endian::kLittle : Endian::kBig;
  f.os_abi = *abi;
  const ClassShape& shape = f.is64 ? kElf64 : kElf32;
  ByteReader r(data, f.endian);
  auto type = r.u16(16), machine = r.u16(18);
  auto version = r.u32(20), flags = r.u32(shape.flags_at);
  if (!type || !machine || !version || !flags) return make_error(Errc::kTruncated, "elf header truncated");
  if (*version != 1) return make_error(Errc::kBadMagic, "elf version not 1");
  f.type = *type;
  f.machine = *machine;
  f.flags = *flags;
  auto tables = read_tables(r, f.is64, shape);
  if (!tables) return tables.error();
  read_segments(r, *tables, shape, f);
  read_sections(r, *tables, shape, f);
  f.extent = extent_of(f, *tables, shape);
  return f;
}

ByteView elf_section_bytes(ByteView data, const ElfSection& s) {
  if (s.type == kShtNobits) return {};
  return slice(data, s.offset, s.size);
}

std::string elf_interpreter(ByteView data, const ElfFile& f) {
  for (const auto& s : f.segments) {
    if (s.type != kPtInterp) continue;
    auto path = as_chars(slice(data, s.offset, std::min(s.filesz, kMaxInterpreter)));
    return std::string(path.substr(0, path.find('\0')));
  }
  return {};
}

}  // namespace pedigree::unpack
