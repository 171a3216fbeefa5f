#include "scanner/fingerprint/elf/elf_hardening.h"

#include <array>

#include "scanner/fingerprint/elf/fortify_functions.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::uint16_t kEtRel = 1, kEtExec = 2, kEtDyn = 3;

bool has_segment(const unpack::ElfFile& f, std::uint32_t type) {
  for (const auto& s : f.segments) {
    if (s.type == type) return true;
  }
  return false;
}

bool nx(const unpack::ElfFile& f) {
  for (const auto& s : f.segments) {
    if (s.type == unpack::kPtGnuStack) return (s.flags & unpack::kPfX) == 0;
  }
  return false;
}

std::string relro(const unpack::ElfFile& f, const ElfDynamic& dyn) {
  if (!has_segment(f, unpack::kPtGnuRelro)) return "none";
  return dyn.bind_now || (dyn.flags_1 & kDf1Now) != 0 ? "full" : "partial";
}

std::string pie(const unpack::ElfFile& f, const ElfDynamic& dyn, const report::Binary& b) {
  switch (f.type) {
    case kEtExec: return "no";
    case kEtRel: return "rel";
    case kEtDyn:
      if ((dyn.flags_1 & kDf1Pie) != 0 || dyn.debug || (!b.interpreter.empty() && b.soname.empty())) return "yes";
      return "dso";
    default: return "no";
  }
}

bool canary(const ElfSymbols& syms) {
  static constexpr std::array<std::string_view, 3> kMarks{"__stack_chk_fail", "__stack_chk_guard",
                                                          "__intel_security_cookie"};
  for (const auto* table : {&syms.dynamic, &syms.local}) {
    for (std::string_view name : *table) {
      for (std::string_view mark : kMarks) {
        if (name.find(mark) != std::string_view::npos) return true;
      }
    }
  }
  return false;
}

void fortify(const ElfSymbols& syms, report::Binary& out) {
  std::uint32_t checked = 0, unchecked = 0;
  bool any_chk = false;
  for (std::string_view name : syms.dynamic) {
    name.remove_prefix(std::min(name.find_first_not_of('_'), name.size()));
    if (name.ends_with("_chk")) any_chk = true;
    if (is_fortified(name)) ++checked;
    if (is_fortifiable(name)) ++unchecked;
  }
  out.fortify = any_chk;
  out.fortified = checked;
  out.fortifiable = checked + unchecked;
}

}  // namespace

void assess_hardening(const unpack::ElfFile& f, const ElfDynamic& dyn, const ElfSymbols& syms, report::Binary& out) {
  out.nx = nx(f);
  out.relro = relro(f, dyn);
  out.pie = pie(f, dyn, out);
  out.canary = canary(syms);
  fortify(syms, out);
}

}  // namespace pedigree::fingerprint
