// `db import oui|mam|oui36 FILE`: the IEEE registries → mac_blocks.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "scanner/db/ieee_registry.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"

namespace pedigree::db {
namespace {

/// ieee-data writes the time of its last download (seconds since 1970) to
/// .lastupdate beside the CSVs: the registry's date, when present.
std::string ieee_data_date(const std::string& path) {
  std::ifstream in(std::filesystem::path(path).parent_path() / ".lastupdate");
  long long secs = 0;
  if (!(in >> secs) || secs <= 0) return {};
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

Result<SourceRecord> import_registry(Database& db, const std::string& path, std::string_view registry,
                                     std::string source, std::string kind) {
  auto in = read_input_file(path);
  if (!in) return in.error();
  auto blocks = parse_ieee_registry(in->bytes, path, registry);
  if (!blocks) return blocks.error();
  if (auto st = delete_source_rows(db, "mac_blocks", source); !st) return st.error();
  // The registries list a few historical assignments twice: the first wins.
  auto ins = db.prepare(
      "INSERT OR IGNORE INTO mac_blocks(prefix, bits, registry, organization, address, country, data_source) "
      "VALUES (?,?,?,?,?,?,?)");
  if (!ins) return ins.error();
  std::int64_t rows = 0;
  for (const auto& b : *blocks) {
    ins->bind(1, b.prefix).bind(2, b.bits).bind(3, b.registry).bind(4, b.organization);
    ins->bind_or_null(5, b.address).bind_or_null(6, b.country).bind(7, source);
    if (auto st = ins->run(); !st)
      return make_error(st.error().code, path + ":" + std::to_string(b.line) + ": " + st.error().message);
    rows += db.changes();
  }
  SourceRecord rec{std::move(source), std::move(kind), ieee_data_date(path), in->sha256, {{"mac_blocks", rows}}, {}};
  if (auto st = record_source(db, rec); !st) return st.error();
  return rec;
}

}  // namespace

Result<SourceRecord> import_ieee_oui(Database& db, const std::string& path) {
  return import_registry(db, path, "MA-L", "ieee-oui", "oui");
}

Result<SourceRecord> import_ieee_mam(Database& db, const std::string& path) {
  return import_registry(db, path, "MA-M", "ieee-mam", "mam");
}

Result<SourceRecord> import_ieee_oui36(Database& db, const std::string& path) {
  return import_registry(db, path, "MA-S", "ieee-oui36", "oui36");
}

}  // namespace pedigree::db
