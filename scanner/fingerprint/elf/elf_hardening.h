// How an ELF file is hardened, judged the way checksec judges it, so that
// the two agree on the same file:
// - NX: a PT_GNU_STACK segment without the execute flag (no such segment:
//   the loader's default, an executable stack on most CPUs, so no NX).
// - RELRO: PT_GNU_RELRO; full when binding is immediate (DT_BIND_NOW,
//   DF_BIND_NOW, or DF_1_NOW), partial otherwise.
// - PIE: ET_EXEC is not; ET_DYN is a PIE when it says so (DF_1_PIE), when it
//   has DT_DEBUG (linkers add it to executables only), or when it has a
//   loader and no SONAME; other ET_DYN files are shared objects ("dso");
//   ET_REL is "rel" (kernel modules, objects).
// - Canary: a symbol named __stack_chk_fail, __stack_chk_guard or
//   __intel_security_cookie (substring, as checksec greps for it).
// - FORTIFY: over the dynamic symbols, names stripped of leading
//   underscores; `fortified` counts checked variants, `fortifiable` counts
//   those plus the unchecked functions that have one.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/fingerprint/elf/elf_dynamic.h"
#include "scanner/report/report.h"
#include "scanner/unpack/formats/elf_reader.h"

namespace pedigree::fingerprint {

struct ElfSymbols {
  std::vector<std::string_view> dynamic;  ///< .dynsym
  std::vector<std::string_view> local;    ///< .symtab
};

/// Fills `out`'s nx, pie, relro, canary, fortify, fortified and fortifiable.
/// `out.interpreter` and `out.soname` must be set already.
void assess_hardening(const unpack::ElfFile& f, const ElfDynamic& dyn, const ElfSymbols& syms, report::Binary& out);

}  // namespace pedigree::fingerprint
