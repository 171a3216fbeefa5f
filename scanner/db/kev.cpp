#include "scanner/db/kev.h"

#include <array>
#include <nlohmann/json.hpp>

#include "scanner/db/csv_reader.h"

namespace pedigree::db {
namespace {

using Json = nlohmann::json;

// The columns read from the CSV, in KevEntry order.
constexpr std::array<std::string_view, 7> kCsvColumns{
    "cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded", "dueDate", "knownRansomwareCampaignUse"};

std::string string_at(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return (it != obj.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

bool plausible_cve(std::string_view id) { return id.size() >= 9 && id.substr(0, 4) == "CVE-"; }

// Dates must be YYYY-MM-DD: they sort and compare as text in the database.
bool plausible_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

Status check_entry(const KevEntry& e, const std::string& where) {
  if (!plausible_cve(e.cve)) return make_error(Errc::kCorrupt, where + ": cveID is not a CVE id");
  if (!plausible_date(e.date_added)) return make_error(Errc::kCorrupt, where + " (" + e.cve + "): bad dateAdded");
  if (!e.due_date.empty() && !plausible_date(e.due_date))
    return make_error(Errc::kCorrupt, where + " (" + e.cve + "): bad dueDate");
  return Ok{};
}

void note_latest(KevCatalog& cat, const KevEntry& e) {
  if (e.date_added > cat.date) cat.date = e.date_added;
}

}  // namespace

Result<KevCatalog> parse_kev_json(std::string_view json, const std::string& name) {
  Json doc = Json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return make_error(Errc::kCorrupt, name + ": not a JSON object");
  auto list = doc.find("vulnerabilities");
  if (list == doc.end() || !list->is_array())
    return make_error(Errc::kCorrupt, name + ": no \"vulnerabilities\" array");
  KevCatalog cat;
  cat.version = string_at(doc, "catalogVersion");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& v = (*list)[i];
    std::string where = name + ": entry #" + std::to_string(i + 1);
    if (!v.is_object()) return make_error(Errc::kCorrupt, where + ": not an object");
    KevEntry e{string_at(v, "cveID"),
               string_at(v, "vendorProject"),
               string_at(v, "product"),
               string_at(v, "vulnerabilityName"),
               string_at(v, "dateAdded"),
               string_at(v, "dueDate"),
               string_at(v, "knownRansomwareCampaignUse")};
    if (auto st = check_entry(e, where); !st) return st.error();
    note_latest(cat, e);
    cat.entries.push_back(std::move(e));
  }
  if (std::string released = string_at(doc, "dateReleased"); !released.empty()) cat.date = released.substr(0, 10);
  return cat;
}

Result<KevCatalog> parse_kev_csv(std::string_view csv, const std::string& name) {
  CsvReader reader(csv, name);
  CsvRecord header;
  auto got = reader.next(header);
  if (!got) return got.error();
  if (!*got) return reader.error_at(1, "empty file (no header line)");
  auto idx = map_columns(header, kCsvColumns, reader);
  if (!idx) return idx.error();
  KevCatalog cat;
  CsvRecord rec;
  for (;;) {
    auto more = reader.next(rec);
    if (!more) return more.error();
    if (!*more) break;
    if (rec.fields.size() != header.fields.size())
      return reader.error_at(rec.line, std::to_string(rec.fields.size()) + " fields where the header has " +
                                           std::to_string(header.fields.size()));
    auto f = [&](std::size_t k) { return rec.fields[(*idx)[k]]; };
    KevEntry e{f(0), f(1), f(2), f(3), f(4), f(5), f(6)};
    if (auto st = check_entry(e, name + ":" + std::to_string(rec.line)); !st) return st.error();
    note_latest(cat, e);
    cat.entries.push_back(std::move(e));
  }
  return cat;
}

}  // namespace pedigree::db
