// CISA KEV catalog → kev (see vuln_import.h).
#include "scanner/db/cpe_findings.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"
#include "scanner/db/kev.h"
#include "scanner/db/vuln_import.h"
#include "scanner/db/vuln_store.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kKevSource = "cisa-kev";

bool looks_like_json(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

Result<ImportResult> import_kev_file(Database& db, const std::string& path) {
  auto input = read_input_file(path);
  if (!input) return input.error();
  auto catalog = looks_like_json(input->bytes) ? parse_kev_json(input->bytes, path) : parse_kev_csv(input->bytes, path);
  if (!catalog) return catalog.error();
  ImportResult result;
  result.parsed_bytes = input->bytes.size();
  result.records = static_cast<std::int64_t>(catalog->entries.size());
  auto writer = VulnWriter::prepare(db, std::string(kKevSource));
  if (!writer) return writer.error();
  if (auto st = writer->delete_own_rows("kev"); !st) return st.error();
  for (const KevEntry& e : catalog->entries) {
    auto st = writer->put_kev(e.cve, e.vendor_project, e.product, e.name, e.date_added, e.due_date, e.ransomware);
    if (!st) return make_error(st.error().code, path + ": " + e.cve + ": " + st.error().message);
  }
  std::string version = catalog->version.empty() ? catalog->date : catalog->version + " (" + catalog->date + ")";
  result.source = SourceRecord{std::string(kKevSource), "kev", version, input->sha256, {{"kev", result.records}}};
  if (auto st = record_source(db, result.source); !st) return st.error();
  if (auto st = refresh_cpe_findings(db); !st) return st.error();
  return result;
}

Result<SourceRecord> import_kev(Database& db, const std::string& path) {
  auto r = import_kev_file(db, path);
  if (!r) return r.error();
  return std::move(r->source);
}

}  // namespace pedigree::db
