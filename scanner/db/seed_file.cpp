#include "scanner/db/seed_file.h"

#include <algorithm>
#include <filesystem>

#include "scanner/db/csv_reader.h"
#include "scanner/db/data_sources.h"
#include "scanner/db/input_file.h"

namespace pedigree::db {
namespace {

/// Largest seed file accepted (they are hand-curated text).
constexpr std::uint64_t kMaxSeedBytes = 64ull << 20;
/// Notes kept per seed file before the rest are only counted.
constexpr std::size_t kMaxNotesPerFile = 10;

Error at(const std::string& path, std::size_t line, std::string_view msg) {
  return make_error(Errc::kCorrupt, path + ":" + std::to_string(line) + ": " + std::string(msg));
}

/// Reads every data row, calling `row_fn`; returns the newest `checked` date.
Result<std::string> load_rows(const InputFile& in, const SeedSpec& spec, const std::string& source,
                              const SeedRowFn& row_fn) {
  CsvReader reader(in.bytes, in.path);
  CsvRecord header;
  auto got = reader.next(header);
  if (!got) return got.error();
  if (!*got) return at(in.path, 1, "empty file (no header line)");
  auto idx = map_columns(header, spec.columns, reader);
  if (!idx) return idx.error();
  auto checked_col = std::find(spec.columns.begin(), spec.columns.end(), "checked") - spec.columns.begin();
  std::string newest;
  CsvRecord rec;
  for (;;) {
    auto more = reader.next(rec);
    if (!more) return more.error();
    if (!*more) break;
    if (rec.fields.size() != header.fields.size())
      return at(
          in.path, rec.line,
          std::to_string(rec.fields.size()) + " fields where the header has " + std::to_string(header.fields.size()));
    SeedRow row(rec.line, rec.fields, *idx);
    if (auto st = row_fn(row, source); !st) return at(in.path, rec.line, st.error().message);
    if (static_cast<std::size_t>(checked_col) < spec.columns.size())
      newest = std::max(newest, std::string(row[static_cast<std::size_t>(checked_col)]));
  }
  return newest;
}

}  // namespace

std::string seed_source_name(std::string_view file) {
  std::string stem(file);
  if (stem.ends_with(".csv")) stem.resize(stem.size() - 4);
  return "seed:" + stem;
}

Status load_seed_file(Database& db, const std::string& dir, const SeedSpec& spec, SeedLog& log,
                      const SeedRowFn& row_fn) {
  std::string path = (std::filesystem::path(dir) / spec.file).string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    log.notes.push_back(path + ": not present yet; its tables stay empty");
    return Ok{};
  }
  auto in = read_input_file(path, kMaxSeedBytes);
  if (!in) return in.error();
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  std::string source = seed_source_name(spec.file);
  for (auto table : spec.tables)
    if (auto st = delete_source_rows(db, table, source); !st) return st;
  auto newest = load_rows(*in, spec, source, row_fn);
  if (!newest) return newest.error();
  if (spec.finish)
    if (auto st = spec.finish(source); !st) return make_error(st.error().code, path + ": " + st.error().message);
  SourceRecord rec{source, "seed", *newest, in->sha256, {}, {}};
  for (auto table : spec.tables) {
    auto n = db.query_int("SELECT count(*) FROM \"" + std::string(table) + "\" WHERE data_source = '" + source + "'");
    if (!n) return n.error();
    rec.rows.emplace_back(std::string(table), *n);
  }
  if (auto st = record_source(db, rec); !st) return st;
  return tx->commit();
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  while (!field.empty()) {
    std::size_t bar = field.find('|');
    std::string_view item = field.substr(0, bar);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    field.remove_prefix(bar + 1);
  }
  return out;
}

bool valid_country(std::string_view s) {
  return s.empty() || (s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z');
}

bool valid_date(std::string_view s) {
  if (s.empty()) return true;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

NoteCap::~NoteCap() {
  if (dropped_ > 0) log_.notes.push_back("... and " + std::to_string(dropped_) + " more like these");
}

void NoteCap::add(std::string note) {
  if (kept_ < kMaxNotesPerFile) {
    log_.notes.push_back(std::move(note));
    ++kept_;
  } else {
    ++dropped_;
  }
}

}  // namespace pedigree::db
