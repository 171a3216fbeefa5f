#include "scanner/report/html_parts.h"

#include <fmt/format.h>

#include "scanner/report/html_writer.h"

namespace pedigree::report {
namespace {

constexpr const char* kStyle = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccd;padding-bottom:4px;margin-top:32px}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #ccd;border-radius:6px;padding:8px 12px;min-width:90px}
.card .v{font-size:22px;font-weight:600}
table{border-collapse:collapse;width:100%;margin-top:6px}th,td{border:1px solid #dde;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f2f4f8}td{white-space:pre-wrap;word-break:break-word}
.sev-critical{background:#f8d7da}.sev-high{background:#fde2cf}.sev-medium{background:#fff3cd}
input.filter{margin-top:6px;padding:3px 6px;width:320px}
svg rect{fill:#4a6fa5}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
)css";

constexpr const char* kScript = R"js(
document.querySelectorAll('input.filter').forEach(function (box) {
  box.addEventListener('input', function () {
    var needle = box.value.toLowerCase();
    var rows = document.querySelectorAll('#' + box.dataset.table + ' tbody tr');
    rows.forEach(function (row) {
      row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? '' : 'none';
    });
  });
});
)js";

std::string cell(const std::string& text) {
  std::string out;
  std::string escaped = html_escape(text);
  for (char c : escaped) out += c == '\n' ? std::string("<br>") : std::string(1, c);
  return out;
}

/// "medium\n<basis>": the level, then why.
template <typename Fact>
std::string confidence_cell(const Fact& f) {
  return f.confidence_basis.empty() ? f.confidence : f.confidence + "\n" + f.confidence_basis;
}

std::string section(const char* id, const char* title, const Table& t) {
  return fmt::format("<section id=\"{}\"><h2>{}</h2>{}</section>", id, title, table_html(t));
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string table_html(const Table& t) {
  std::string o = fmt::format(
      "<input class=\"filter\" type=\"search\" placeholder=\"filter\" data-table=\"{}\" "
      "aria-label=\"filter {}\"><table id=\"{}\"><thead><tr>",
      t.id, t.id, t.id);
  for (const auto& h : t.head) o += "<th>" + html_escape(h) + "</th>";
  o += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    // A severity in the first column colours the row.
    o += row.empty() ? "<tr>" : "<tr class=\"sev-" + html_escape(row.front()) + "\">";
    for (const auto& c : row) o += "<td>" + cell(c) + "</td>";
    o += "</tr>";
  }
  return o + "</tbody></table>";
}

std::string page_head(const Report& r) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\"><link rel=\"icon\" href=\"data:,\">"
      "<title>Pedigree report: {}</title><style>{}</style></head><body>"
      "<h1>Pedigree report: {}</h1><p>SHA-256 {} &middot; {} bytes &middot; {} &middot; reference date {}</p>",
      html_escape(r.image.name), kStyle, html_escape(r.image.name), html_escape(r.image.sha256), r.image.size,
      html_escape(r.architectures.empty() ? std::string("architecture unknown") : r.architectures.front()),
      html_escape(r.reference_date));
}

std::string page_tail() { return std::string("<script>") + kScript + "</script></body></html>\n"; }

std::string findings_section(const Report& r) {
  Table t{"findings", {"severity", "title", "where", "evidence", "remediation", "provisions", "waiver"}, {}};
  for (const auto& f : r.findings) {
    std::string prov;
    for (const auto& p : f.provisions) prov += (prov.empty() ? "" : "\n") + p;
    std::string waiver = f.waiver.empty() ? "" : f.waiver + (f.waived ? " (waived)" : " (expired)");
    t.rows.push_back({f.severity, f.title, f.origin, f.evidence, f.remediation, prov, waiver});
  }
  return section("findings-section", "Findings", t);
}

std::string vulnerabilities_section(const Report& r) {
  Table t{"vulnerabilities", {"severity", "id", "component", "version", "CVSS", "KEV", "EPSS", "fixed in"}, {}};
  for (const auto& v : r.vulnerabilities) {
    t.rows.push_back({v.severity, v.id, v.component, v.version, v.cvss < 0 ? "" : fmt::format("{:.1f}", v.cvss),
                      v.kev ? "yes" : "", v.epss < 0 ? "" : fmt::format("{:.3f}", v.epss), v.fixed_in});
  }
  return section("vulnerabilities-section", "Vulnerabilities", t);
}

std::string crypto_section(const Report& r) {
  Table t{"crypto", {"kind", "where", "subject / type", "key", "valid until", "notes", "confidence"}, {}};
  for (const auto& c : r.certificates) {
    std::string notes = std::string(c.expired ? "expired " : "") + (c.self_signed ? "self-signed " : "") +
                        (c.is_ca ? "CA " : "") + c.signature_algorithm;
    t.rows.push_back({"certificate", c.origin, c.subject, fmt::format("{} {}", c.key_type, c.key_bits), c.not_after,
                      notes, confidence_cell(c)});
  }
  for (const auto& k : r.keys) {
    t.rows.push_back({"private key", k.origin, k.format, fmt::format("{} {}", k.type, k.bits), "",
                      k.encrypted ? "encrypted" : "not encrypted", confidence_cell(k)});
  }
  return section("crypto-section", "Certificates and keys", t);
}

std::string credentials_section(const Report& r) {
  Table t{"credentials", {"user", "where", "hash", "password", "shell", "confidence"}, {}};
  for (const auto& c : r.credentials) {
    std::string pw = c.empty_password ? "empty" : c.password_known ? "known (" + c.password_hint + ")" : "";
    t.rows.push_back({c.user, c.origin, c.hash_type, pw, c.shell, confidence_cell(c)});
  }
  return section("credentials-section", "Credentials", t);
}

std::string provisions_section(const Report& r) {
  Table t{"provisions", {"provision", "framework", "title", "verdict", "findings", "recorded"}, {}};
  for (const auto& p : r.provisions) {
    std::string ids, recorded;
    for (const auto& f : p.findings) ids += (ids.empty() ? "" : "\n") + f;
    for (const auto& e : p.evidence) recorded += (recorded.empty() ? "" : "\n") + e;
    t.rows.push_back({p.id, p.framework, p.title, p.verdict, ids, recorded});
  }
  return section("provisions-section", "Provisions", t);
}

std::string evidence_section(const Report& r) {
  Table t{"evidence", {"item", "value"}, {}};
  t.rows = {{"image SHA-256", r.image.sha256},
            {"image size", std::to_string(r.image.size)},
            {"tool", "pedigree " + r.tool_version},
            {"rules SHA-256", r.evidence.rules_sha256},
            {"policy", r.risk.policy + " " + r.evidence.policy_sha256},
            {"waivers SHA-256", r.evidence.waivers_sha256},
            {"database schema", std::to_string(r.database.schema_version)},
            {"reference date", r.reference_date}};
  for (const auto& s : r.database.sources) t.rows.push_back({"database source " + s.name, s.version + " " + s.sha256});
  for (const auto& opt : r.evidence.options) t.rows.push_back({"option", opt});
  return section("evidence-section", "Evidence", t);
}

}  // namespace pedigree::report
