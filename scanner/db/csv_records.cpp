#include "scanner/db/csv_records.h"

namespace pedigree::db {

Result<bool> CsvRecords::next(std::vector<std::string>& fields) {
  fields.clear();
  if (pos_ >= text_.size()) return false;
  const std::size_t first_line = line_ + 1;
  std::string field;
  bool quoted = false, was_quoted = false;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"' && pos_ < text_.size() && text_[pos_] == '"') {
        field.push_back('"');
        ++pos_;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line_;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      break;
    } else if (c == '"') {
      if (!field.empty() || was_quoted)
        return make_error(Errc::kCorrupt, "line " + std::to_string(line_ + 1) + ": stray quote inside a field");
      quoted = was_quoted = true;
    } else {
      if (was_quoted)
        return make_error(Errc::kCorrupt, "line " + std::to_string(line_ + 1) + ": text after a closing quote");
      field.push_back(c);
    }
  }
  ++line_;
  if (quoted) return make_error(Errc::kTruncated, "line " + std::to_string(first_line) + ": unterminated quoted field");
  fields.push_back(std::move(field));
  return true;
}

}  // namespace pedigree::db
