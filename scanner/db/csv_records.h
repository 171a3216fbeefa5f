// RFC 4180 records pulled one at a time from text: comma-separated, fields
// optionally double-quoted, `""` inside quotes is a quote, quoted fields may
// hold commas and newlines; CRLF or LF line ends; a trailing newline is not a
// record. Used by the KEV CSV importer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// Reads RFC 4180 records from text it does not own.
class CsvRecords {
 public:
  explicit CsvRecords(std::string_view text) : text_(text) {}

  /// Fills `fields` with the next record: true when there was one, false at
  /// the end, an error naming the line for an unterminated quote or a quote
  /// in the middle of an unquoted field.
  Result<bool> next(std::vector<std::string>& fields);

  /// Lines consumed so far (the line number of the last record's end).
  std::size_t line() const { return line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
};

}  // namespace pedigree::db
