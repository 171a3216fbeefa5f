#include "scanner/db/seed_cves.h"

#include <array>
#include <charconv>

#include "scanner/db/csv_records.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/input_file.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kCvesSource = "seed:cves";
constexpr std::string_view kRangesSource = "seed:cve_ranges";
constexpr std::array<std::string_view, 11> kCvesHeader{"id",         "summary",     "published", "cvss_version",
                                                       "cvss_score", "cvss_vector", "cwe",       "kev",
                                                       "kev_date",   "epss",        "source"};
constexpr std::array<std::string_view, 10> kRangesHeader{"id",
                                                         "component",
                                                         "cpe_vendor",
                                                         "cpe_product",
                                                         "version_exact",
                                                         "start_including",
                                                         "start_excluding",
                                                         "end_including",
                                                         "end_excluding",
                                                         "fixed_in"};

std::optional<double> parse_number(std::string_view text, bool& ok) {
  if (text.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  ok = ok && ec == std::errc() && ptr == text.data() + text.size();
  return v;
}

/// Walks one seed CSV: checks its header, then calls `row` for each record.
template <std::size_t N, typename RowFn>
Status each_row(const std::string& path, const std::string& bytes, const std::array<std::string_view, N>& header,
                RowFn&& row) {
  CsvRecords records(bytes);
  std::vector<std::string> fields;
  auto first = records.next(fields);
  if (!first) return make_error(first.error().code, path + ": " + first.error().message);
  bool header_ok = *first && fields.size() == N;
  for (std::size_t i = 0; header_ok && i < N; ++i) header_ok = fields[i] == header[i];
  if (!header_ok) return make_error(Errc::kBadMagic, path + ": line 1: unexpected header");
  for (;;) {
    std::size_t line = records.line() + 1;
    auto more = records.next(fields);
    if (!more) return make_error(more.error().code, path + ": " + more.error().message);
    if (!*more) return Ok{};
    if (fields.size() == 1 && fields[0].empty()) continue;
    std::string where = path + ": line " + std::to_string(line);
    if (fields.size() != N) return make_error(Errc::kCorrupt, where + ": expected " + std::to_string(N) + " fields");
    if (fields[0].substr(0, 4) != "CVE-") return make_error(Errc::kCorrupt, where + ": id is not a CVE id");
    if (auto st = row(fields); !st)
      return make_error(st.error().code, where + " (" + fields[0] + "): " + st.error().message);
  }
}

Status put_cve(VulnWriter& w, const std::vector<std::string>& f, SeedCveCounts& n) {
  bool ok = true;
  auto score = parse_number(f[4], ok);
  auto epss = parse_number(f[9], ok);
  if (!ok) return make_error(Errc::kCorrupt, "cvss_score or epss is not a number");
  if (f[7] != "0" && f[7] != "1" && !f[7].empty()) return make_error(Errc::kCorrupt, "kev must be 0 or 1");
  VulnRow row{f[0], f[1], f[2]};
  const std::string& version = f[3];
  if (version.substr(0, 1) == "3")
    row.cvss3_version = version, row.cvss3_score = score, row.cvss3_vector = f[5];
  else if (version.substr(0, 1) == "4")
    row.cvss4_score = score, row.cvss4_vector = f[5];
  else if (version.substr(0, 1) == "2")
    row.cvss2_score = score, row.cvss2_vector = f[5];
  row.cwes = f[6];
  auto wrote = w.put_vulnerability(row, Upsert::kKeepExisting);
  if (!wrote) return wrote.error();
  n.vulnerabilities += *wrote ? 1 : 0;
  if (f[7] == "1") {
    if (auto st = w.put_kev(f[0], "", "", "", f[8], "", ""); !st) return st;
    ++n.kev;
  }
  if (epss) {
    if (auto st = w.put_epss(f[0], *epss, std::nullopt, ""); !st) return st;
    ++n.epss;
  }
  return Ok{};
}

Status put_range(VulnWriter& w, const std::vector<std::string>& f, SeedCveCounts& n) {
  if (f[2].empty() || f[3].empty()) return make_error(Errc::kCorrupt, "cpe_vendor and cpe_product are required");
  CpeRange r;
  r.version = f[4].empty() ? "*" : f[4];
  r.start_including = f[5], r.start_excluding = f[6], r.end_including = f[7], r.end_excluding = f[8];
  // The seed does not say which CPE part a product is; ANY keeps the string honest.
  r.criteria = "cpe:2.3:*:" + f[2] + ":" + f[3] + ":" + r.version + ":*:*:*:*:*:*:*";
  ++n.ranges;
  return w.put_cpe_range(f[0], r, "*", f[2], f[3], f[9].empty() ? f[8] : f[9]);
}

}  // namespace

Result<SeedCveCounts> load_seed_cves_in(Database& db, const std::string& seed_dir) {
  auto cves = read_input_file(seed_dir + "/cves.csv");
  if (!cves) return cves.error();
  auto ranges = read_input_file(seed_dir + "/cve_ranges.csv");
  if (!ranges) return ranges.error();
  auto cve_writer = VulnWriter::prepare(db, std::string(kCvesSource));
  auto range_writer = VulnWriter::prepare(db, std::string(kRangesSource));
  if (!cve_writer) return cve_writer.error();
  if (!range_writer) return range_writer.error();
  for (std::string_view table : {"vulnerabilities", "kev", "epss"})
    if (auto st = delete_source_rows(db, table, kCvesSource); !st) return st.error();
  if (auto st = delete_source_rows(db, "cpe_ranges", kRangesSource); !st) return st.error();
  SeedCveCounts n;
  auto cve_row = [&](const std::vector<std::string>& f) { return put_cve(*cve_writer, f, n); };
  if (auto st = each_row(cves->path, cves->bytes, kCvesHeader, cve_row); !st) return st.error();
  auto range_row = [&](const std::vector<std::string>& f) { return put_range(*range_writer, f, n); };
  if (auto st = each_row(ranges->path, ranges->bytes, kRangesHeader, range_row); !st) return st.error();
  SourceRecord a{std::string(kCvesSource),
                 "seed",
                 "",
                 cves->sha256,
                 {{"epss", n.epss}, {"kev", n.kev}, {"vulnerabilities", n.vulnerabilities}}};
  SourceRecord b{std::string(kRangesSource), "seed", "", ranges->sha256, {{"cpe_ranges", n.ranges}}};
  for (const auto* rec : {&a, &b})
    if (auto st = record_source(db, *rec); !st) return st.error();
  return n;
}

Result<SeedCveCounts> load_seed_cves(Database& db, const std::string& seed_dir) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto n = load_seed_cves_in(db, seed_dir);
  if (!n) return n;
  if (auto st = tx->commit(); !st) return st.error();
  return n;
}

}  // namespace pedigree::db
