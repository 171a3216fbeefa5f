// `db import ca-store FILE`: a PEM bundle of trusted CAs → certificate_authorities.
#include "scanner/db/ca_bundle.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"

namespace pedigree::db {
namespace {

/// The store name recorded for certificates of the system bundle.
constexpr std::string_view kSystemStore = "system";
constexpr std::string_view kSource = "ca-store";

}  // namespace

Result<SourceRecord> import_ca_store(Database& db, const std::string& path) {
  auto in = read_input_file(path);
  if (!in) return in.error();
  auto certs = parse_ca_bundle(in->bytes, path);
  if (!certs) return certs.error();
  if (auto st = delete_source_rows(db, "certificate_authorities", kSource); !st) return st.error();
  // A bundle may carry the same certificate twice: one row per store.
  auto ins = db.prepare(
      "INSERT OR IGNORE INTO certificate_authorities(store, sha256, subject, organization, country, not_after, "
      "data_source) VALUES (?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  std::int64_t rows = 0;
  for (const auto& c : *certs) {
    ins->bind(1, kSystemStore).bind(2, c.sha256).bind(3, c.subject).bind_or_null(4, c.organization);
    ins->bind_or_null(5, c.country).bind_or_null(6, c.not_after).bind(7, kSource);
    if (auto st = ins->run(); !st) return st.error();
    rows += db.changes();
  }
  SourceRecord rec{std::string(kSource), "ca-store", "", in->sha256, {{"certificate_authorities", rows}}, {}};
  if (auto st = record_source(db, rec); !st) return st.error();
  return rec;
}

}  // namespace pedigree::db
