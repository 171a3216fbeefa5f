#include "scanner/db/seed_cves.h"

#include <charconv>
#include <optional>

#include "scanner/db/cpe_findings.h"
#include "scanner/db/seed_file.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

enum CveColumn {
  kId,
  kSummary,
  kPublished,
  kCvssVersion,
  kCvssScore,
  kCvssVector,
  kCwe,
  kKev,
  kKevDate,
  kEpss,
  kChecked
};
enum RangeColumn { kRangeId, kVendor, kProduct, kExact, kStartIncl, kStartExcl, kEndIncl, kEndExcl, kFixedIn };

Status bad(std::string msg) { return make_error(Errc::kCorrupt, std::move(msg)); }

bool is_cve_id(std::string_view id) { return id.size() >= 9 && id.substr(0, 4) == "CVE-"; }

/// Empty → nullopt; otherwise the number, or an error.
Result<std::optional<double>> number(std::string_view text, std::string_view column) {
  if (text.empty()) return std::optional<double>();
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size())
    return make_error(Errc::kCorrupt, std::string(column) + " '" + std::string(text) + "' is not a number");
  return std::optional<double>(v);
}

Status put_cve(VulnWriter& w, const SeedRow& row) {
  if (!is_cve_id(row[kId])) return bad("id '" + std::string(row[kId]) + "' is not a CVE id");
  auto score = number(row[kCvssScore], "cvss_score");
  auto epss = number(row[kEpss], "epss");
  if (!score) return score.error();
  if (!epss) return epss.error();
  if (row[kKev] != "0" && row[kKev] != "1" && !row[kKev].empty())
    return bad(std::string(row[kId]) + ": kev must be 0 or 1");
  if (!valid_date(row[kKevDate])) return bad(std::string(row[kId]) + ": kev_date is not YYYY-MM-DD");
  if (!valid_date(row[kChecked])) return bad(std::string(row[kId]) + ": checked is not YYYY-MM-DD");
  VulnRow v{row[kId], row[kSummary], row[kPublished]};
  std::string_view version = row[kCvssVersion];
  if (version.starts_with("3")) v.cvss3_version = version, v.cvss3_score = *score, v.cvss3_vector = row[kCvssVector];
  if (version.starts_with("4")) v.cvss4_score = *score, v.cvss4_vector = row[kCvssVector];
  if (version.starts_with("2")) v.cvss2_score = *score, v.cvss2_vector = row[kCvssVector];
  v.cwes = row[kCwe];
  if (auto wrote = w.put_vulnerability(v, Upsert::kKeepExisting); !wrote) return wrote.error();
  if (row[kKev] == "1")
    if (auto st = w.put_kev(row[kId], "", "", "", row[kKevDate], "", ""); !st) return st;
  if (*epss)
    if (auto st = w.put_epss(row[kId], **epss, std::nullopt, ""); !st) return st;
  return Ok{};
}

Status put_range(VulnWriter& w, const SeedRow& row) {
  if (!is_cve_id(row[kRangeId])) return bad("id '" + std::string(row[kRangeId]) + "' is not a CVE id");
  if (row[kVendor].empty() || row[kProduct].empty())
    return bad(std::string(row[kRangeId]) + ": cpe_vendor and cpe_product are required");
  CpeRange r;
  r.version = row[kExact].empty() ? "*" : std::string(row[kExact]);
  r.start_including = row[kStartIncl], r.start_excluding = row[kStartExcl];
  r.end_including = row[kEndIncl], r.end_excluding = row[kEndExcl];
  // The seed does not say which CPE part a product is; ANY keeps the string honest.
  r.criteria =
      "cpe:2.3:*:" + std::string(row[kVendor]) + ":" + std::string(row[kProduct]) + ":" + r.version + ":*:*:*:*:*:*:*";
  std::string_view fixed = row[kFixedIn].empty() ? row[kEndExcl] : row[kFixedIn];
  return w.put_cpe_range(row[kRangeId], r, "*", row[kVendor], row[kProduct], fixed);
}

}  // namespace

Status load_vulnerability_seed(Database& db, const std::string& dir, SeedLog& log) {
  // A seed file deletes what it loaded before: those advisories' findings
  // are rebuilt too. Recording more ids than needed is harmless.
  auto touched = TouchedAdvisories::prepare(db);
  if (!touched) return touched.error();
  std::string cve_source = seed_source_name("cves.csv"), range_source = seed_source_name("cve_ranges.csv");
  for (auto [table, column] : {std::pair{"vulnerabilities", "id"}, {"kev", "cve_id"}, {"epss", "cve_id"}})
    if (auto st = touched->add_source_rows(table, column, cve_source); !st) return st;
  if (auto st = touched->add_source_rows("cpe_ranges", "vuln_id", range_source); !st) return st;
  auto refresh = [&db](const std::string&) { return refresh_cpe_findings(db); };
  auto cves = VulnWriter::prepare(db, cve_source);
  if (!cves) return cves.error();
  SeedSpec cve_spec{"cves.csv",
                    {"id", "summary", "published", "cvss_version", "cvss_score", "cvss_vector", "cwe", "kev",
                     "kev_date", "epss", "checked"},
                    {"vulnerabilities", "kev", "epss"},
                    refresh};
  auto st = load_seed_file(db, dir, cve_spec, log,
                           [&](const SeedRow& row, const std::string&) { return put_cve(*cves, row); });
  if (!st) return st;
  auto ranges = VulnWriter::prepare(db, range_source);
  if (!ranges) return ranges.error();
  SeedSpec range_spec{"cve_ranges.csv",
                      {"id", "cpe_vendor", "cpe_product", "version_exact", "start_including", "start_excluding",
                       "end_including", "end_excluding", "fixed_in"},
                      {"cpe_ranges"},
                      refresh};
  return load_seed_file(db, dir, range_spec, log,
                        [&](const SeedRow& row, const std::string&) { return put_range(*ranges, row); });
}

}  // namespace pedigree::db
