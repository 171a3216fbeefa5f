#include "scanner/db/ieee_registry.h"

#include <array>

#include "scanner/db/csv_reader.h"
#include "scanner/db/iso_country.h"

namespace pedigree::db {
namespace {

/// Words at the end of an address searched for the country: a postcode can
/// take up to three words ("N3 1 RL") and a city can follow the code, so the
/// country is looked for, right to left, among the last five.
constexpr std::size_t kCountrySearchWords = 5;

constexpr std::array<std::string_view, 4> kColumns = {"Registry", "Assignment", "Organization Name",
                                                      "Organization Address"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// Upper-case hex of exactly `digits` digits, or empty.
std::string hex_prefix(std::string_view s, std::size_t digits) {
  if (s.size() != digits) return {};
  std::string out;
  for (char c : s) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return {};
    out.push_back(c);
  }
  return out;
}

}  // namespace

int registry_bits(std::string_view registry) {
  if (registry == "MA-L") return 24;
  if (registry == "MA-M") return 28;
  if (registry == "MA-S") return 36;
  return 0;
}

std::string country_from_address(std::string_view address) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < address.size()) {
    std::size_t j = address.find_first_of(" \t", i);
    if (j == std::string_view::npos) j = address.size();
    if (j > i) words.push_back(address.substr(i, j - i));
    i = j + 1;
  }
  for (std::size_t n = 0; n < kCountrySearchWords && n < words.size(); ++n) {
    std::string_view w = words[words.size() - 1 - n];
    if (is_iso_country(w)) return std::string(w);
  }
  return {};
}

Result<std::vector<MacBlock>> parse_ieee_registry(std::string_view text, const std::string& name,
                                                  std::string_view registry) {
  int bits = registry_bits(registry);
  if (bits == 0) return make_error(Errc::kUnsupported, "unknown IEEE registry " + std::string(registry));
  CsvReader reader(text, name);
  CsvRecord rec;
  auto got = reader.next(rec);
  if (!got) return got.error();
  if (!*got) return reader.error_at(1, "empty file (no header line)");
  auto idx = map_columns(rec, kColumns, reader);
  if (!idx) return idx.error();
  std::vector<MacBlock> out;
  for (;;) {
    auto more = reader.next(rec);
    if (!more) return more.error();
    if (!*more) break;
    if (rec.fields.size() != kColumns.size())
      return reader.error_at(rec.line, std::to_string(rec.fields.size()) + " fields, expected 4");
    MacBlock b;
    b.line = rec.line;
    b.registry = rec.fields[(*idx)[0]];
    if (b.registry != registry)
      return reader.error_at(rec.line, "registry '" + b.registry + "' in a " + std::string(registry) + " file");
    b.bits = bits;
    b.prefix = hex_prefix(rec.fields[(*idx)[1]], static_cast<std::size_t>(bits / 4));
    if (b.prefix.empty())
      return reader.error_at(
          rec.line, "assignment '" + rec.fields[(*idx)[1]] + "' is not " + std::to_string(bits / 4) + " hex digits");
    b.organization = trim(rec.fields[(*idx)[2]]);
    if (b.organization.empty()) return reader.error_at(rec.line, "empty organization name");
    b.address = trim(rec.fields[(*idx)[3]]);
    b.country = country_from_address(b.address);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace pedigree::db
