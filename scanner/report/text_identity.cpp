#include "scanner/report/text_identity.h"

#include "scanner/report/text_security.h"

#include <set>

#include <fmt/format.h>

namespace pedigree::report {
namespace {

/// Evidence lines shown under each chipset in the terminal; the JSON has all.
constexpr std::size_t kEvidenceLines = 3;

std::string paint(bool color, const char* code, std::string_view s) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
}

std::string or_unknown(const std::string& s) { return s.empty() ? "?" : s; }

void more_line(std::string& out, std::size_t total, std::size_t max_rows) {
  out += fmt::format("  … and {} more (see the JSON report)\n", total - max_rows);
}

void chipsets_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (r.chipsets.empty()) return;
  out += paint(color, "1", fmt::format("Chipsets ({})", r.chipsets.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& c : r.chipsets) {
    if (shown++ == max_rows) {
      more_line(out, r.chipsets.size(), max_rows);
      break;
    }
    std::string model = c.model.empty() ? "" : " " + c.model;
    std::string board = c.board.empty() ? "" : fmt::format(" — board: {}", c.board);
    std::string disputed = c.disputed ? paint(color, "33", " (disputed)") : "";
    out += fmt::format("  {:<9} {} {}{} [{}] {} confidence{}{}\n", c.role, c.vendor, c.family, model,
                       or_unknown(c.country), c.confidence, disputed, board);
    if (!c.confidence_basis.empty()) out += "      basis: " + c.confidence_basis + "\n";
    std::set<std::string> lines;
    for (const auto& e : c.evidence) lines.insert(fmt::format("{}: {}", e.kind, e.value));
    std::size_t n = 0;
    for (const auto& l : lines) {
      if (n++ == kEvidenceLines) {
        out += fmt::format("      … {} more\n", lines.size() - kEvidenceLines);
        break;
      }
      out += "      " + l + "\n";
    }
  }
  out += "\n";
}

void banners_section(std::string& out, const Report& r, bool color) {
  std::set<std::string> banners;
  for (const auto& e : r.chipset_evidence) {
    if (e.kind == "bootloader" || e.kind == "kernel") banners.insert(e.value);
  }
  if (banners.empty()) return;
  out += paint(color, "1", fmt::format("Boot banners ({})", banners.size())) + "\n";
  for (const auto& b : banners) out += "  " + b + "\n";
  out += "\n";
}

void macs_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  const auto& macs = r.network.mac_addresses;
  if (macs.empty()) return;
  out += paint(color, "1", fmt::format("MAC addresses ({})", macs.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& m : macs) {
    if (shown++ == max_rows) {
      more_line(out, macs.size(), max_rows);
      break;
    }
    out += fmt::format("  {}  {} [{}]  {} in {}{}\n", m.address, or_unknown(m.organization), or_unknown(m.country),
                       m.context, m.origin, confidence_note(m.confidence, m.confidence_basis));
  }
  out += "\n";
}

void endpoints_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  const auto& eps = r.network.endpoints;
  if (eps.empty()) return;
  out += paint(color, "1", fmt::format("Network endpoints ({})", eps.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& e : eps) {
    if (shown++ == max_rows) {
      more_line(out, eps.size(), max_rows);
      break;
    }
    std::string owner = e.owner.empty() ? "" : fmt::format(" — {}", e.owner);
    std::string cc = e.tld_country.empty() ? "" : fmt::format(" [.{}]", e.tld_country);
    out += fmt::format("  {:<5} {}{}{}  ({} file{}){}\n", e.kind, e.value, cc, owner, e.origins.size(),
                       e.origins.size() == 1 ? "" : "s", confidence_note(e.confidence, e.confidence_basis));
  }
  out += "\n";
}

}  // namespace

void identity_sections(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  chipsets_section(out, r, color, max_rows);
  banners_section(out, r, color);
  macs_section(out, r, color, max_rows);
  endpoints_section(out, r, color, max_rows);
}

}  // namespace pedigree::report
