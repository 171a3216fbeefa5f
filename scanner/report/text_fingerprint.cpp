#include "scanner/report/text_fingerprint.h"

#include <fmt/format.h>

namespace pedigree::report {
namespace {

std::string bold(bool color, std::string_view s) { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }

/// A component's version as a reader wants it: upstream version, then what
/// the package said when that differs, then how it relates to the image.
std::string version_text(const Component& c) {
  std::string v = c.version.empty() ? "(version unknown)" : c.version;
  if (!c.distro_version.empty() && c.distro_version != c.version) v += fmt::format(" [{}]", c.distro_version);
  if (!c.relation.empty()) v += fmt::format(" ({})", c.relation);
  return v;
}

/// One line on how many programs and libraries lack each protection; kernel
/// modules and object files (type rel) are left out: the protections are the loader's.
std::string hardening_line(const Report& r) {
  std::size_t linked = 0, no_nx = 0, no_pie = 0, no_relro = 0, no_canary = 0;
  for (const auto& b : r.binaries) {
    if (b.type != "exec" && b.type != "dyn") continue;
    ++linked;
    no_nx += b.nx ? 0 : 1;
    no_pie += b.pie == "no" ? 1 : 0;
    no_relro += b.relro == "none" ? 1 : 0;
    no_canary += b.canary ? 0 : 1;
  }
  if (linked == 0) return {};
  return fmt::format(
      "  Hardening: {} programs and libraries; without NX {}, without PIE {}, without RELRO {}, "
      "without stack canary {}\n",
      linked, no_nx, no_pie, no_relro, no_canary);
}

}  // namespace

void fingerprint_sections(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (!r.architectures.empty()) {
    out += bold(color, "Architecture") + "\n";
    for (const auto& a : r.architectures) out += fmt::format("  {}\n", a);
    out += hardening_line(r);
    out += "\n";
  }
  if (r.components.empty()) return;
  out += bold(color, fmt::format("Components ({})", r.components.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& c : r.components) {
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more (see the JSON report)\n", r.components.size() - max_rows);
      break;
    }
    std::string where = c.paths.empty() ? std::string() : c.paths.front();
    if (c.paths.size() > 1) where += fmt::format(" (+{} more)", c.paths.size() - 1);
    out += fmt::format("  {:<18} {:<24} {}\n", c.name, version_text(c), where);
  }
  out += "\n";
}

}  // namespace pedigree::report
