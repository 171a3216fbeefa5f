// FIRST EPSS scores → epss (see vuln_import.h).
#include "scanner/db/cpe_findings.h"
#include "scanner/db/epss.h"
#include "scanner/db/gunzip.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"
#include "scanner/db/vuln_import.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kEpssSource = "first-epss";

}  // namespace

Result<ImportResult> import_epss_file(Database& db, const std::string& path) {
  auto input = read_input_file(path);
  if (!input) return input.error();
  auto text = maybe_gunzip(std::move(input->bytes));
  if (!text) return make_error(text.error().code, path + ": " + text.error().message);
  auto file = parse_epss(*text);
  if (!file) return make_error(file.error().code, path + ": " + file.error().message);
  ImportResult result;
  result.parsed_bytes = text->size();
  result.records = static_cast<std::int64_t>(file->scores.size());
  auto writer = VulnWriter::prepare(db, std::string(kEpssSource));
  if (!writer) return writer.error();
  if (auto st = writer->delete_own_rows("epss"); !st) return st.error();
  for (const EpssScore& s : file->scores) {
    if (auto st = writer->put_epss(s.cve, s.score, s.percentile, file->score_date); !st)
      return make_error(st.error().code, path + ": " + s.cve + ": " + st.error().message);
  }
  std::string version = file->model_version.empty() ? file->score_date : file->model_version + " " + file->score_date;
  result.source = SourceRecord{std::string(kEpssSource), "epss", version, input->sha256, {{"epss", result.records}}};
  if (auto st = record_source(db, result.source); !st) return st.error();
  if (auto st = refresh_cpe_findings(db); !st) return st.error();
  return result;
}

Result<SourceRecord> import_epss(Database& db, const std::string& path) {
  auto r = import_epss_file(db, path);
  if (!r) return r.error();
  return std::move(r->source);
}

}  // namespace pedigree::db
