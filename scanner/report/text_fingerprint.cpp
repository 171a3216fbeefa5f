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

}  // namespace

void fingerprint_sections(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (!r.architectures.empty()) {
    out += bold(color, "Architecture") + "\n";
    for (const auto& a : r.architectures) out += fmt::format("  {}\n", a);
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
