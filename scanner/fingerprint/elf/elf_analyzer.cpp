#include "scanner/fingerprint/elf/elf_analyzer.h"

#include "scanner/fingerprint/elf/elf_abi.h"
#include "scanner/fingerprint/elf/elf_dynamic.h"
#include "scanner/fingerprint/elf/elf_hardening.h"

namespace pedigree::fingerprint {
namespace {

std::string type_name(std::uint16_t t) {
  switch (t) {
    case 1: return "rel";
    case 2: return "exec";
    case 3: return "dyn";
    case 4: return "core";
    default: return "unknown";
  }
}

// checksec's "symbols": a .symtab section, even an empty one.
bool has_symbol_table(const unpack::ElfFile& f) {
  for (const auto& s : f.sections) {
    if (s.type == unpack::kShtSymtab) return true;
  }
  return false;
}

}  // namespace

std::optional<report::Binary> analyze_elf(ByteView data) {
  auto f = unpack::parse_elf(data);
  if (!f) return std::nullopt;
  report::Binary b;
  b.type = type_name(f->type);
  b.machine = elf_machine_name(f->machine);
  b.bits = f->is64 ? 64 : 32;
  b.endian = f->endian == Endian::kLittle ? "little" : "big";
  b.interpreter = unpack::elf_interpreter(data, *f);
  b.abi = elf_abi_name(f->machine, f->is64, f->flags, b.interpreter);
  ElfDynamic dyn = read_elf_dynamic(data, *f);
  b.soname = dyn.soname;
  b.needed = std::move(dyn.needed);
  b.rpath = std::move(dyn.rpath);
  b.runpath = std::move(dyn.runpath);
  ElfSymbols syms{elf_symbol_names(data, *f, unpack::kShtDynsym), elf_symbol_names(data, *f, unpack::kShtSymtab)};
  b.stripped = !has_symbol_table(*f);
  assess_hardening(*f, dyn, syms, b);
  return b;
}

void ElfAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (!ByteReader(file.data).matches(0,
                                     "\x7f"
                                     "ELF")) {
    return;
  }
  auto b = analyze_elf(file.data);
  if (!b) return;
  b->origin = file.origin;
  out.binaries.push_back(std::move(*b));
}

}  // namespace pedigree::fingerprint
