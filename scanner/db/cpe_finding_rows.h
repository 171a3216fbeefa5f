// The cpe_findings rows one lookup matched (db/schema/0005_cpe_findings_packed.sql),
// copied out of SQLite as they are stepped (its buffers last only until the
// next step) into one growing buffer, so that the findings can be ordered and
// deduplicated before any of them is built: a Linux kernel version matches
// thousands of rows, a third of them further ranges of an advisory already
// matched.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/db/vuln_match.h"

namespace pedigree::db {

struct VulnFinding;

/// Rows of cpe_findings, each with the columns a lookup selects.
class MatchedCpeRows {
 public:
  /// The text columns a lookup selects, in the order of its SELECT; the
  /// EPSS score and percentile follow them.
  enum Column { kId, kVersion, kStartIncluding, kStartExcluding, kEndIncluding, kEndExcluding, kFacts, kKev };
  static constexpr std::size_t kColumns = 8;

  void clear();
  void add(const std::array<std::string_view, kColumns>& columns, std::optional<double> epss_score,
           std::optional<double> epss_percentile);
  std::size_t size() const { return rows_.size(); }

  std::string_view column(std::size_t row, Column c) const;
  CpeBounds bounds(std::size_t row) const;

  /// Row positions, one per advisory, ordered by advisory id; of several rows
  /// of one advisory, the one with the smallest (data source, criteria,
  /// range) is kept, whatever the order the rows came in.
  std::vector<std::size_t> one_per_advisory() const;

  /// Fills everything but `status` from one row.
  void fill(std::size_t row, VulnFinding& f) const;

 private:
  struct Row {
    std::size_t begin;                       // offset of the first column in text_
    std::array<std::size_t, kColumns> ends;  // column ends, from begin
    std::optional<double> epss_score, epss_percentile;
  };
  std::string text_;
  std::vector<Row> rows_;
};

}  // namespace pedigree::db
