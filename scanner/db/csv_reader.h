// An RFC 4180 CSV reader: comma-separated fields, double-quoted when they hold
// a comma, a quote ("" inside quotes) or a line break; records end at LF or
// CRLF; a UTF-8 byte-order mark is skipped; blank lines are skipped. It reads
// from memory, is bounded (field size, fields per record, records), and every
// error names the input and the line it happened on.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// Caps on what one CSV input may hold.
struct CsvLimits {
  std::size_t max_field_bytes = 1 << 20;  ///< one field, after unquoting
  std::size_t max_fields = 256;           ///< fields in one record
  std::size_t max_records = 50'000'000;   ///< records in the input
};

/// One record and the line it starts on (1-based).
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Reads records one at a time from text in memory.
class CsvReader {
 public:
  /// `name` (usually the file path) prefixes every error message.
  CsvReader(std::string_view text, std::string name, CsvLimits limits = {});

  /// Reads the next record into `out`: true when read, false at the end.
  Result<bool> next(CsvRecord& out);

  const std::string& name() const { return name_; }
  /// Formats "name:line: message" for errors about a record's content.
  Error error_at(std::size_t line, std::string_view message) const;

 private:
  Status read_quoted(std::string& field, std::size_t start_line);
  Status read_plain(std::string& field);
  Status append(std::string& field, std::string_view piece);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t records_ = 0;
  std::string name_;
  CsvLimits limits_;
};

/// Positions of the `expected` columns in a header record; an error naming
/// each missing column. Extra columns are allowed.
Result<std::vector<std::size_t>> map_columns(const CsvRecord& header, std::span<const std::string_view> expected,
                                             const CsvReader& reader);

}  // namespace pedigree::db
