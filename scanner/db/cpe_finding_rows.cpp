#include "scanner/db/cpe_finding_rows.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <tuple>

#include "scanner/db/vuln_lookup.h"

namespace pedigree::db {
namespace {

// The fields of the facts and kev columns (0005_cpe_findings_packed.sql).
enum Fact { kCriteria, kFixedIn, kDataSource, kPublished, kCvssScore, kCvssVersion, kCvssVector, kSeverity, kCwes };
constexpr std::size_t kFactFields = 9;
enum KevField { kKevDateAdded, kKevDueDate, kKevRansomware };
constexpr std::size_t kKevFields = 3;
constexpr char kSeparator = '\x1f';

/// Splits `packed` at the separator into exactly N fields; missing trailing
/// fields are empty, and anything past the last one stays in it.
template <std::size_t N>
std::array<std::string_view, N> split(std::string_view packed) {
  std::array<std::string_view, N> out;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    std::size_t sep = packed.find(kSeparator);
    if (sep == std::string_view::npos) {
      out[i] = packed;
      return out;
    }
    out[i] = packed.substr(0, sep);
    packed.remove_prefix(sep + 1);
  }
  out[N - 1] = packed;
  return out;
}

std::optional<double> number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// Bytes [from, from + 8) of `id` as a big-endian integer, zero past its
/// end. Where two ids' integers differ they order as the ids do; where they
/// are equal the ids themselves are compared.
std::uint64_t prefix(std::string_view id, std::size_t from) {
  std::uint64_t v = 0;
  for (std::size_t i = from; i < from + 8; ++i) v = (v << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0U);
  return v;
}

}  // namespace

void MatchedCpeRows::clear() {
  text_.clear();
  rows_.clear();
}

void MatchedCpeRows::add(const std::array<std::string_view, kColumns>& columns, std::optional<double> epss_score,
                         std::optional<double> epss_percentile) {
  Row row{text_.size(), {}, epss_score, epss_percentile};
  for (std::size_t i = 0; i < kColumns; ++i) {
    text_.append(columns[i]);
    row.ends[i] = text_.size() - row.begin;
  }
  rows_.push_back(row);
}

std::string_view MatchedCpeRows::column(std::size_t row, Column c) const {
  const Row& r = rows_[row];
  std::size_t from = c == 0 ? 0 : r.ends[c - 1];
  return std::string_view(text_).substr(r.begin + from, r.ends[c] - from);
}

CpeBounds MatchedCpeRows::bounds(std::size_t row) const {
  return {column(row, kVersion), column(row, kStartIncluding), column(row, kStartExcluding), column(row, kEndIncluding),
          column(row, kEndExcluding)};
}

std::vector<std::size_t> MatchedCpeRows::one_per_advisory() const {
  // Sorted on the ids' first 16 bytes as integers (all of a CVE id), then on
  // the whole ids where those are equal, then in the order the rows came.
  struct Key {
    std::uint64_t high, low;
    std::size_t row;
  };
  std::vector<Key> keys(rows_.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = {prefix(column(i, kId), 0), prefix(column(i, kId), 8), i};
  std::sort(keys.begin(), keys.end(), [this](const Key& x, const Key& y) {
    if (x.high != y.high) return x.high < y.high;
    if (x.low != y.low) return x.low < y.low;
    if (int c = column(x.row, kId).compare(column(y.row, kId)); c != 0) return c < 0;
    return x.row < y.row;
  });
  // Of the rows of one advisory (a run of equal ids), the one with the
  // smallest tie-break is kept; its range text is made only here.
  auto tie_break = [this](std::size_t row) {
    auto facts = split<kFactFields>(column(row, kFacts));
    return std::make_tuple(facts[kDataSource], facts[kCriteria], describe_cpe_bounds(bounds(row)));
  };
  std::vector<std::size_t> kept;
  kept.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t end = i + 1;
    while (end < keys.size() && column(keys[end].row, kId) == column(keys[i].row, kId)) ++end;
    std::size_t best = keys[i].row;
    if (end - i > 1) {
      auto best_key = tie_break(best);
      for (std::size_t j = i + 1; j < end; ++j)
        if (auto k = tie_break(keys[j].row); k < best_key) best = keys[j].row, best_key = std::move(k);
    }
    kept.push_back(best);
    i = end;
  }
  return kept;
}

void MatchedCpeRows::fill(std::size_t row, VulnFinding& f) const {
  auto facts = split<kFactFields>(column(row, kFacts));
  auto kev = split<kKevFields>(column(row, kKev));
  CpeBounds b = bounds(row);
  f.id = column(row, kId);
  f.range = describe_cpe_bounds(b);
  f.criteria = facts[kCriteria];
  f.fixed_in = facts[kFixedIn].empty() ? b.end_excluding : facts[kFixedIn];
  f.source = facts[kDataSource];
  f.published = facts[kPublished];
  f.cvss = number(facts[kCvssScore]);
  if (f.cvss) f.cvss_version = facts[kCvssVersion], f.cvss_vector = facts[kCvssVector];
  f.severity = facts[kSeverity];
  f.cwes = facts[kCwes];
  f.kev = !kev[kKevDateAdded].empty();
  f.kev_date_added = kev[kKevDateAdded];
  f.kev_due_date = kev[kKevDueDate];
  f.kev_ransomware = kev[kKevRansomware] == "Known";
  f.epss = rows_[row].epss_score;
  f.epss_percentile = rows_[row].epss_percentile;
}

}  // namespace pedigree::db
