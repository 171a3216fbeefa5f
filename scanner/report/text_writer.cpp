#include "scanner/report/text_writer.h"

#include <fmt/format.h>

#include "scanner/report/text_fingerprint.h"
#include "scanner/report/text_identity.h"
#include "scanner/report/text_provenance.h"
#include "scanner/report/text_risk.h"
#include "scanner/report/text_security.h"

namespace pedigree::report {
namespace {

std::string human_size(std::uint64_t n) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024.0 && u < 4) {
    v /= 1024.0;
    ++u;
  }
  return u == 0 ? fmt::format("{} B", n) : fmt::format("{:.1f} {}", v, kUnits[u]);
}

struct Style {
  bool on;
  std::string bold(std::string_view s) const { return on ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }
  std::string warn(std::string_view s) const { return on ? fmt::format("\x1b[33m{}\x1b[0m", s) : std::string(s); }
};

void layers_section(std::string& out, const Report& r, const Style& st, std::size_t max_rows) {
  out += st.bold("Layers") + "\n";
  if (r.layers.empty()) {
    out += r.image.format.empty() ? "  (no known format found)\n"
                                  : fmt::format("  (the whole image is one {}, with no members)\n", r.image.format);
  }
  std::size_t shown = 0;
  for (const auto& l : r.layers) {
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more layers (see the JSON report)\n", r.layers.size() - max_rows);
      break;
    }
    std::string indent(2 * l.depth, ' ');
    out += fmt::format("{}{:<10} @{:#010x} {:>10}  {}\n", indent, l.format, l.offset, human_size(l.size), l.parent);
  }
}

void regions_section(std::string& out, const Report& r, const Style& st, std::size_t max_rows) {
  std::size_t unknown = 0;
  for (const auto& g : r.regions) unknown += g.kind == "unknown" ? 1 : 0;
  if (unknown == 0) return;
  out += st.bold("Unknown regions") + "\n";
  std::size_t shown = 0;
  for (const auto& g : r.regions) {
    if (g.kind != "unknown") continue;
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more\n", unknown - max_rows);
      break;
    }
    out += fmt::format("  {} @{:#x}  {}  entropy {:.2f}\n", g.origin, g.offset, human_size(g.size), g.entropy);
  }
  out += "\n";
}

void warnings_section(std::string& out, const Report& r, const Style& st, std::size_t max_rows) {
  if (r.warnings.empty()) return;
  out += st.bold(fmt::format("Warnings ({})", r.warnings.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& w : r.warnings) {
    if (shown++ == max_rows) {
      out += fmt::format("  … and {} more (see the JSON report)\n", r.warnings.size() - max_rows);
      break;
    }
    out += st.warn(fmt::format("  [{}] ", w.kind)) + fmt::format("{}: {}\n", w.origin, w.message);
  }
}

}  // namespace

std::string to_text(const Report& r, const TextOptions& options) {
  Style st{options.color};
  const Counts& c = r.counts;
  std::string out;
  out += st.bold(fmt::format("Pedigree {} — {}", r.tool_version, r.image.name)) + "\n";
  out += fmt::format("  sha256 {}\n  size   {} ({} bytes)\n", r.image.sha256, human_size(r.image.size), r.image.size);
  if (!r.image.format.empty()) out += fmt::format("  format {}\n", r.image.format);
  out += "\n";
  // What needs action comes before what the image is made of.
  risk_section(out, r, options.color);
  security_sections(out, r, options.color, options.max_rows);
  layers_section(out, r, st, options.max_rows);
  out += fmt::format(
      "\n{}\n  {} files, {} directories, {} symlinks, {} hard links, {} device nodes\n"
      "  {} layers, nested {} deep, {} extracted; {} unknown, {} padding\n\n",
      st.bold("Contents"), c.files, c.dirs, c.symlinks, c.hardlinks, c.specials, c.layers, c.max_depth,
      human_size(c.bytes_extracted), human_size(c.unknown_bytes), human_size(c.padding_bytes));
  fingerprint_sections(out, r, options.color, options.max_rows);
  identity_sections(out, r, options.color, options.max_rows);
  provenance_sections(out, r, options.color, options.max_rows);
  regions_section(out, r, st, options.max_rows);
  warnings_section(out, r, st, options.max_rows);
  return out;
}

}  // namespace pedigree::report
