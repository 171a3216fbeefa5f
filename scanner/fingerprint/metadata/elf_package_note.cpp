#include "scanner/fingerprint/metadata/elf_package_note.h"

#include <string_view>

#include "scanner/fingerprint/metadata/package_hit.h"
#include "scanner/unpack/formats/elf_reader.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kSectionName = ".note.package";
constexpr std::string_view kOwner = "FDO";
constexpr std::uint32_t kNoteType = 0xcafe1a7e;
constexpr std::uint32_t kNoteHeader = 12;       // namesz, descsz, type
constexpr std::uint32_t kMaxDescriptor = 4096;  // the JSON object is a few hundred bytes
constexpr std::size_t kMaxField = 256;

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::uint64_t align4(std::uint64_t n) { return (n + 3) & ~std::uint64_t{3}; }

/// The JSON string value of `"key":` at the top level of `json`, unescaped
/// only for \" and \\; nullopt when absent or not a plain string.
std::optional<std::string> string_field(std::string_view json, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  std::size_t at = json.find(quoted);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + quoted.size();
  while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) ++i;
  if (i >= json.size() || json[i] != ':') return std::nullopt;
  ++i;
  while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) ++i;
  if (i >= json.size() || json[i] != '"') return std::nullopt;
  std::string out;
  for (++i; i < json.size() && out.size() <= kMaxField; ++i) {
    char c = json[i];
    if (c == '"') return out;
    if (c == '\\') {
      if (++i >= json.size() || (json[i] != '"' && json[i] != '\\')) return std::nullopt;
      c = json[i];
    }
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    out += c;
  }
  return std::nullopt;
}

std::optional<PackageNote> note_from_json(std::string_view json) {
  PackageNote n;
  auto name = string_field(json, "name");
  auto version = string_field(json, "version");
  if (!name || !version || name->empty() || version->empty()) return std::nullopt;
  n.name = *name;
  n.version = *version;
  n.type = string_field(json, "type").value_or("");
  n.os = string_field(json, "os").value_or("");
  n.architecture = string_field(json, "architecture").value_or("");
  return n;
}

}  // namespace

std::optional<PackageNote> parse_package_note(ByteView section, Endian endian) {
  ByteReader r(section, endian);
  std::uint64_t off = 0;
  while (off + kNoteHeader <= section.size()) {
    auto namesz = r.u32(off), descsz = r.u32(off + 4), type = r.u32(off + 8);
    if (!namesz || !descsz || !type) return std::nullopt;
    std::uint64_t name_at = off + kNoteHeader;
    std::uint64_t desc_at = name_at + align4(*namesz);
    auto owner = r.cstr(name_at, *namesz);
    auto desc = r.bytes(desc_at, *descsz);
    if (!owner || !desc) return std::nullopt;
    if (*owner == kOwner && *type == kNoteType && *descsz <= kMaxDescriptor) {
      auto text = as_chars(*desc);
      if (auto n = note_from_json(text.substr(0, text.find('\0')))) return n;
    }
    off = desc_at + align4(*descsz);
  }
  return std::nullopt;
}

void ElfPackageNoteAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!as_chars(file.data).starts_with("\x7f"
                                       "ELF"))
    return;
  auto elf = unpack::parse_elf(file.data);
  if (!elf) return;
  for (const auto& s : elf->sections) {
    if (s.name != kSectionName) continue;
    auto note = parse_package_note(unpack::elf_section_bytes(file.data, s), elf->endian);
    if (!note) return;
    PackageRecord record{note->name, note->version, "", note->architecture, "", s.offset};
    // deb and rpm versions end in a packaging revision ("-1~deb12u2", "-1.fc39")
    bool packaged = note->type == "deb" || note->type == "rpm";
    std::string os = lower(note->os);
    PackageDb db{packaged ? std::string_view(note->type) : std::string_view("generic"),
                 packaged ? std::string_view(os) : std::string_view(), "elf-package-note",
                 packaged ? VersionScheme::kDpkg : VersionScheme::kPlain};
    ComponentHit h = package_hit(record, db, catalog_, file);
    h.evidence.text = std::string(kSectionName) + ": " + note->type + " " + note->name + " " + note->version;
    out.components.push_back(std::move(h));
    return;
  }
}

}  // namespace pedigree::fingerprint
