#include "scanner/report/text_security.h"

#include <fmt/format.h>

namespace pedigree::report {
namespace {

std::string bold(bool on, std::string_view s) { return on ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }

std::string severity_tag(bool on, const std::string& sev) {
  std::string tag = fmt::format("{:<8}", sev);
  if (!on) return tag;
  const char* colour = sev == "critical" ? "\x1b[1;31m"
                       : sev == "high"   ? "\x1b[31m"
                       : sev == "medium" ? "\x1b[33m"
                                         : "";
  return fmt::format("{}{}\x1b[0m", colour, tag);
}

bool more(std::string& out, std::size_t shown, std::size_t total, std::size_t max_rows) {
  if (shown < max_rows) return false;
  out += fmt::format("  … and {} more (see the JSON report)\n", total - max_rows);
  return true;
}

void findings_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  std::size_t counts[4] = {};
  for (const auto& f : r.findings) {
    if (f.waived) continue;  // counted as waived in the risk summary
    if (f.severity == "critical") ++counts[0];
    if (f.severity == "high") ++counts[1];
    if (f.severity == "medium") ++counts[2];
    if (f.severity == "low") ++counts[3];
  }
  out += bold(color, fmt::format("Findings ({}: {} critical, {} high, {} medium, {} low)", r.findings.size(), counts[0],
                                 counts[1], counts[2], counts[3])) +
         "\n";
  std::size_t shown = 0;
  for (const auto& f : r.findings) {
    if (more(out, shown++, r.findings.size(), max_rows)) break;
    out += fmt::format("  {} {}{}\n           {}\n", severity_tag(color, f.severity), f.title,
                       f.waived ? " (waived: " + f.waiver + ")" : "", f.origin);
  }
  out += "\n";
}

void certificates_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  out += bold(color, fmt::format("Certificates ({}, judged as of {})", r.certificates.size(), r.reference_date)) + "\n";
  std::size_t shown = 0;
  for (const auto& c : r.certificates) {
    if (more(out, shown++, r.certificates.size(), max_rows)) break;
    std::string flags;
    if (c.expired) flags += " EXPIRED";
    if (c.expires_soon) flags += " expires-soon";
    if (c.not_yet_valid) flags += " not-yet-valid";
    if (c.self_signed) flags += " self-signed";
    if (c.is_ca) flags += " CA";
    out += fmt::format("  {}  issuer {}  {} {}{}  {}  until {}{}\n           {}\n",
                       c.subject_cn.empty() ? c.subject : c.subject_cn, c.issuer_o.empty() ? c.issuer : c.issuer_o,
                       c.key_type, c.key_bits, c.curve.empty() ? "" : " " + c.curve, c.signature_algorithm,
                       c.not_after.substr(0, 10), flags, c.origin);
  }
  out += "\n";
}

void keys_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  out += bold(color, fmt::format("Private keys ({})", r.keys.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& k : r.keys) {
    if (more(out, shown++, r.keys.size(), max_rows)) break;
    std::string notes;
    if (k.encrypted) notes += " encrypted";
    if (!k.matches_certificate.empty())
      notes += fmt::format(" matches {} certificate(s)", k.matches_certificate.size());
    if (!k.also_at.empty()) notes += fmt::format(" also at {} other place(s)", k.also_at.size());
    out += fmt::format("  {} {} {}{}  {}{}\n", k.format, k.type, k.bits, notes, k.origin,
                       confidence_note(k.confidence, k.confidence_basis));
  }
  out += "\n";
}

void credentials_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  out += bold(color, fmt::format("Accounts and credentials ({})", r.credentials.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& c : r.credentials) {
    if (more(out, shown++, r.credentials.size(), max_rows)) break;
    std::string state = c.empty_password   ? "EMPTY PASSWORD"
                        : c.password_known ? "known password " + c.password_hint
                                           : "";
    std::string uid = c.uid >= 0 ? fmt::format(" uid {}", c.uid) : "";
    out += fmt::format("  {:<12}{} {:<9} {}{}  {}{}\n", c.user.empty() ? "-" : c.user, uid, c.hash_type, state,
                       c.uid0_non_root ? " UID-0" : "", c.origin, confidence_note(c.confidence, c.confidence_basis));
  }
  out += "\n";
}

void services_section(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  out += bold(color, fmt::format("Services started at boot ({})", r.services.size())) + "\n";
  std::size_t shown = 0;
  for (const auto& s : r.services) {
    if (more(out, shown++, r.services.size(), max_rows)) break;
    out += fmt::format("  {:<14} {:<9} {}:{}{}{}\n", s.name, s.started, s.origin, s.line,
                       s.details.empty() ? "" : "  (" + s.details + ")",
                       confidence_note(s.confidence, s.confidence_basis));
  }
  if (!r.permission_issues.empty()) {
    out += fmt::format("  {} setuid/setgid/world-writable file(s) (see findings)\n", r.permission_issues.size());
  }
  out += "\n";
}

}  // namespace

std::string confidence_note(const std::string& level, const std::string& basis) {
  if (level.empty() || level == "high") return {};
  return fmt::format("  ({} confidence: {})", level, basis);
}

void security_sections(std::string& out, const Report& r, bool color, std::size_t max_rows) {
  if (!r.findings.empty()) findings_section(out, r, color, max_rows);
  if (!r.certificates.empty()) certificates_section(out, r, color, max_rows);
  if (!r.keys.empty()) keys_section(out, r, color, max_rows);
  if (!r.credentials.empty()) credentials_section(out, r, color, max_rows);
  if (!r.services.empty() || !r.permission_issues.empty()) services_section(out, r, color, max_rows);
}

}  // namespace pedigree::report
