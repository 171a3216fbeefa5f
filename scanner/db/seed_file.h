// Loading one seed CSV: find it, check its header against the columns the
// loader needs, hand each row to the loader, and record the file in
// data_sources, all in one transaction. Shared by every seed loader.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"
#include "scanner/db/seed.h"
#include "scanner/db/sqlite.h"

namespace pedigree::db {

/// One data row, its fields in the order the loader asked for.
class SeedRow {
 public:
  SeedRow(std::size_t line, const std::vector<std::string>& fields, const std::vector<std::size_t>& idx)
      : line_(line), fields_(fields), idx_(idx) {}
  /// The k-th requested column.
  std::string_view operator[](std::size_t k) const { return fields_[idx_[k]]; }
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
  const std::vector<std::string>& fields_;
  const std::vector<std::size_t>& idx_;
};

/// What a seed file holds and where it goes.
struct SeedSpec {
  std::string_view file;                  ///< e.g. "vendors.csv"
  std::vector<std::string_view> columns;  ///< the columns the loader reads, in SeedRow order
  std::vector<std::string_view> tables;   ///< tables its rows go to (each has data_source)
  /// Runs after the last row, inside the transaction (e.g. to resolve
  /// references between rows); may be empty.
  std::function<Status(const std::string& source)> finish;
};

/// Loads one row; an error message here is prefixed with "file:line: ".
/// `source` is the data_sources name to store in each row.
using SeedRowFn = std::function<Status(const SeedRow& row, const std::string& source)>;

/// The data_sources name of a seed file: "seed:" + the file name without ".csv".
std::string seed_source_name(std::string_view file);

/// Loads `dir`/`spec.file` in one transaction. A missing file adds a note to
/// `log` and succeeds; a malformed one is an error and changes nothing.
Status load_seed_file(Database& db, const std::string& dir, const SeedSpec& spec, SeedLog& log,
                      const SeedRowFn& row_fn);

/// Splits a '|'-separated list field, trimming spaces and dropping empties.
std::vector<std::string> split_list(std::string_view field);

/// True for "" or an ISO 3166-1 alpha-2 shaped code ("CN").
bool valid_country(std::string_view s);
/// True for "" or a YYYY-MM-DD date.
bool valid_date(std::string_view s);

/// Collects notes about one file, keeping the first few and counting the rest.
class NoteCap {
 public:
  explicit NoteCap(SeedLog& log) : log_(log) {}
  ~NoteCap();
  NoteCap(const NoteCap&) = delete;
  NoteCap& operator=(const NoteCap&) = delete;
  void add(std::string note);

 private:
  SeedLog& log_;
  std::size_t dropped_ = 0;
  std::size_t kept_ = 0;
};

}  // namespace pedigree::db
