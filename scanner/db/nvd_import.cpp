// NVD feed → vulnerabilities + cpe_ranges (see vuln_import.h).
#include <string>

#include "scanner/db/cpe.h"
#include "scanner/db/cpe_findings.h"
#include "scanner/db/gunzip.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"
#include "scanner/db/nvd_feed.h"
#include "scanner/db/vuln_import.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

std::optional<double> score_of(const CvssScore& s) {
  return s.present() ? std::optional<double>(s.score) : std::nullopt;
}

void join_cwes(const NvdRecord& rec, std::string& out) {
  out.clear();
  for (std::string_view cwe : rec.cwes) {
    if (!out.empty()) out.push_back('|');
    out += cwe;
  }
}

/// Writes one record and its ranges; counts what it wrote.
class NvdRecordWriter {
 public:
  explicit NvdRecordWriter(VulnWriter& writer) : writer_(writer) {}

  Status operator()(const NvdRecord& rec) {
    join_cwes(rec, cwes_);
    VulnRow row{rec.id,
                rec.summary,
                rec.published,
                rec.last_modified,
                rec.vuln_status,
                rec.cvss_v3.version,
                rec.cvss_v3.vector,
                rec.cvss_v3.severity,
                score_of(rec.cvss_v3),
                rec.cvss_v2.vector,
                score_of(rec.cvss_v2),
                rec.cvss_v4.vector,
                rec.cvss_v4.severity,
                score_of(rec.cvss_v4),
                cwes_};
    auto wrote = writer_.put_vulnerability(row, Upsert::kNewerWins);
    if (!wrote) return wrote.error();
    if (!*wrote) return Ok{};  // a newer copy is already stored
    ++vulnerabilities;
    for (const NvdCpeMatch& m : rec.matches)
      if (auto st = put_range(rec, m); !st) return st;
    return Ok{};
  }

  std::int64_t vulnerabilities = 0, ranges = 0;

 private:
  Status put_range(const NvdRecord& rec, const NvdCpeMatch& m) {
    auto cpe = parse_cpe(m.criteria);
    if (!cpe) return make_error(Errc::kCorrupt, std::string(rec.id) + ": " + cpe.error().message);
    range_.criteria = m.criteria;
    range_.version = cpe_exact_version(*cpe);
    range_.start_including = m.start_including;
    range_.start_excluding = m.start_excluding;
    range_.end_including = m.end_including;
    range_.end_excluding = m.end_excluding;
    range_.vulnerable = m.vulnerable;
    ++ranges;
    return writer_.put_cpe_range(rec.id, range_, cpe->part, cpe->vendor, cpe->product, m.end_excluding);
  }

  VulnWriter& writer_;
  std::string cwes_;
  CpeRange range_;
};

Error in_file(const std::string& path, const Error& e) { return make_error(e.code, path + ": " + e.message); }

// A yearly feed writes hundreds of MB of pages in one transaction; with
// SQLite's default 2 MB cache they would be spilled to the file and read back
// many times over. Negative: KiB.
constexpr std::string_view kImportCachePragma = "PRAGMA cache_size = -524288";

}  // namespace

Result<ImportResult> import_nvd_file(Database& db, const std::string& path) {
  auto input = read_input_file(path);
  if (!input) return input.error();
  auto json = maybe_gunzip(std::move(input->bytes));
  if (!json) return in_file(path, json.error());
  ImportResult result;
  result.parsed_bytes = json->size();
  if (auto st = db.exec(kImportCachePragma); !st) return st.error();
  auto writer = VulnWriter::prepare(db, std::string(kNvdSourcePrefix) + input_stem(path));
  if (!writer) return writer.error();
  NvdRecordWriter sink(*writer);
  auto info = parse_nvd_feed(*json, [&sink](const NvdRecord& rec) { return sink(rec); });
  if (!info) return in_file(path, info.error());
  result.records = static_cast<std::int64_t>(info->records);
  result.source = SourceRecord{writer->source(),
                               "nvd",
                               info->timestamp,
                               input->sha256,
                               {{"cpe_ranges", sink.ranges}, {"vulnerabilities", sink.vulnerabilities}}};
  if (auto st = record_source(db, result.source); !st) return st.error();
  if (auto st = refresh_cpe_findings(db); !st) return st.error();
  return result;
}

std::string input_stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  for (std::string_view suffix : {".gz", ".zip", ".json", ".csv"}) {
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      name.resize(name.size() - suffix.size());
  }
  return name;
}

Result<SourceRecord> import_nvd(Database& db, const std::string& path) {
  auto r = import_nvd_file(db, path);
  if (!r) return r.error();
  return std::move(r->source);
}

}  // namespace pedigree::db
