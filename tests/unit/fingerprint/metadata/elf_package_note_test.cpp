#include "scanner/fingerprint/metadata/elf_package_note.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "scanner/fingerprint/naming/seed_catalog.h"
#include "tests/unit/fingerprint/metadata/analyzer_fixture.h"

using namespace std::string_literals;
using pedigree::Endian;
using pedigree::fingerprint::ElfPackageNoteAnalyzer;
using pedigree::fingerprint::parse_package_note;
using pedigree::fingerprint::seed_catalog;
using pedigree::fingerprint::test::analyze_text;

namespace {

// The descriptor libsystemd.so.0.35.0 of Debian bookworm (arm64) carries.
const std::string kSystemdJson =
    R"({"type":"deb","os":"Debian","name":"systemd","version":"252.39-1~deb12u2","architecture":"arm64","debugInfoUrl":"https://debuginfod.debian.net"})";

void put_le(std::string& s, std::size_t at, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

std::string le32(std::uint32_t v) {
  std::string s(4, '\0');
  put_le(s, 0, v, 4);
  return s;
}

std::string pad4(std::string s) {
  while (s.size() % 4) s += '\0';
  return s;
}

/// One ELF note: owner, type and descriptor, little-endian.
std::string note(const std::string& owner, std::uint32_t type, const std::string& desc) {
  return le32(static_cast<std::uint32_t>(owner.size() + 1)) + le32(static_cast<std::uint32_t>(desc.size() + 1)) +
         le32(type) + pad4(owner + '\0') + pad4(desc + '\0');
}

/// A 64-bit little-endian ELF file whose only section is `section_name`
/// holding `contents` (plus the section name table).
std::string elf64_with_section(const std::string& section_name, const std::string& contents) {
  const std::string shstrtab = "\0"s + section_name + "\0.shstrtab\0"s;
  std::string f(64, '\0');
  f.replace(0, 7,
            "\x7f"
            "ELF\x02\x01\x01");
  std::size_t contents_at = f.size();
  f += pad4(contents);
  std::size_t names_at = f.size();
  f += pad4(shstrtab);
  while (f.size() % 8) f += '\0';
  std::size_t sh_at = f.size();
  f += std::string(3 * 64, '\0');
  put_le(f, 16, 3, 2);      // e_type: shared object
  put_le(f, 18, 183, 2);    // e_machine: AArch64
  put_le(f, 20, 1, 4);      // e_version
  put_le(f, 40, sh_at, 8);  // e_shoff
  put_le(f, 52, 64, 2);     // e_ehsize
  put_le(f, 58, 64, 2);     // e_shentsize
  put_le(f, 60, 3, 2);      // e_shnum
  put_le(f, 62, 2, 2);      // e_shstrndx
  auto section = [&](int i, std::uint32_t name, std::uint32_t type, std::size_t off, std::size_t size) {
    std::size_t h = sh_at + 64 * i;
    put_le(f, h, name, 4);
    put_le(f, h + 4, type, 4);
    put_le(f, h + 24, off, 8);
    put_le(f, h + 32, size, 8);
  };
  section(1, 1, 7, contents_at, contents.size());                                                 // SHT_NOTE
  section(2, static_cast<std::uint32_t>(section_name.size() + 2), 3, names_at, shstrtab.size());  // SHT_STRTAB
  return f;
}

}  // namespace

TEST_CASE("package note: the descriptor's name and version") {
  auto bytes = note("FDO", 0xcafe1a7e, kSystemdJson);
  auto n = parse_package_note(pedigree::as_bytes(bytes), Endian::kLittle);
  REQUIRE(n.has_value());
  CHECK(n->type == "deb");
  CHECK(n->name == "systemd");
  CHECK(n->version == "252.39-1~deb12u2");
  CHECK(n->architecture == "arm64");
}

TEST_CASE("package note: other notes and malformed ones give nothing") {
  auto gnu = note("GNU", 3, "\x01\x02\x03\x04");
  CHECK_FALSE(parse_package_note(pedigree::as_bytes(gnu), Endian::kLittle).has_value());
  // The package note after another note is still found.
  auto both = gnu + note("FDO", 0xcafe1a7e, kSystemdJson);
  CHECK(parse_package_note(pedigree::as_bytes(both), Endian::kLittle).has_value());
  // Read in the wrong byte order, the sizes run past the end.
  auto fdo = note("FDO", 0xcafe1a7e, kSystemdJson);
  CHECK_FALSE(parse_package_note(pedigree::as_bytes(fdo), Endian::kBig).has_value());
  // Truncated, no version, a version that is not a string.
  CHECK_FALSE(parse_package_note(pedigree::as_bytes(fdo.substr(0, fdo.size() - 40)), Endian::kLittle).has_value());
  auto noversion = note("FDO", 0xcafe1a7e, R"({"type":"deb","name":"systemd"})");
  CHECK_FALSE(parse_package_note(pedigree::as_bytes(noversion), Endian::kLittle).has_value());
  auto number = note("FDO", 0xcafe1a7e, R"({"type":"deb","name":"systemd","version":252})");
  CHECK_FALSE(parse_package_note(pedigree::as_bytes(number), Endian::kLittle).has_value());
}

TEST_CASE("package note analyzer: an ELF file names its package without a package database") {
  ElfPackageNoteAnalyzer a(seed_catalog());
  auto elf = elf64_with_section(".note.package", note("FDO", 0xcafe1a7e, kSystemdJson));
  auto facts = analyze_text(a, "/usr/lib/aarch64-linux-gnu/libsystemd.so.0.35.0", elf);
  REQUIRE(facts.components.size() == 1);
  const auto& h = facts.components[0];
  CHECK(h.name == "systemd");
  CHECK(h.version == "252.39");
  CHECK(h.distro_version == "252.39-1~deb12u2");
  CHECK(h.relation.empty());
  CHECK(h.evidence.kind == "elf-package-note");
  CHECK(h.purl == "pkg:deb/debian/systemd@252.39-1~deb12u2?arch=arm64");
  // The same note under another section name, and a non-ELF file, say nothing.
  CHECK(analyze_text(a, "/usr/lib/x.so", elf64_with_section(".note.other", note("FDO", 0xcafe1a7e, kSystemdJson)))
            .components.empty());
  CHECK(analyze_text(a, "/usr/share/doc/note", note("FDO", 0xcafe1a7e, kSystemdJson)).components.empty());
}
