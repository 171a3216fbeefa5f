#include "scanner/db/csv_reader.h"

#include <utility>

namespace pedigree::db {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string name, CsvLimits limits)
    : text_(text), name_(std::move(name)), limits_(limits) {
  if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();
}

Error CsvReader::error_at(std::size_t line, std::string_view message) const {
  return make_error(Errc::kCorrupt, name_ + ":" + std::to_string(line) + ": " + std::string(message));
}

Status CsvReader::append(std::string& field, std::string_view piece) {
  if (field.size() + piece.size() > limits_.max_field_bytes)
    return error_at(line_, "field longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
  field.append(piece);
  return Ok{};
}

Status CsvReader::read_quoted(std::string& field, std::size_t start_line) {
  ++pos_;  // opening quote
  for (;;) {
    std::size_t q = text_.find('"', pos_);
    if (q == std::string_view::npos) return error_at(start_line, "quoted field is not closed");
    std::string_view piece = text_.substr(pos_, q - pos_);
    for (char c : piece)
      if (c == '\n') ++line_;
    if (auto st = append(field, piece); !st) return st;
    pos_ = q + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is one quote
      if (auto st = append(field, "\""); !st) return st;
      ++pos_;
      continue;
    }
    if (pos_ == text_.size() || text_[pos_] == ',' || text_[pos_] == '\n') return Ok{};
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') return Ok{};
    return error_at(line_, "unexpected character after a closing quote");
  }
}

Status CsvReader::read_plain(std::string& field) {
  std::size_t end = text_.find_first_of(",\n\"", pos_);
  if (end == std::string_view::npos) end = text_.size();
  if (end < text_.size() && text_[end] == '"') return error_at(line_, "quote inside an unquoted field");
  std::string_view piece = text_.substr(pos_, end - pos_);
  if (!piece.empty() && piece.back() == '\r' && end < text_.size() && text_[end] == '\n') piece.remove_suffix(1);
  pos_ = end;
  return append(field, piece);
}

Result<bool> CsvReader::next(CsvRecord& out) {
  // Blank lines (LF or CRLF alone) separate nothing and are skipped.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n")) {
    pos_ += text_[pos_] == '\n' ? 1 : 2;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  if (++records_ > limits_.max_records)
    return error_at(line_, "more than " + std::to_string(limits_.max_records) + " records");
  out.line = line_;
  out.fields.clear();
  for (;;) {
    if (out.fields.size() == limits_.max_fields)
      return error_at(line_, "more than " + std::to_string(limits_.max_fields) + " fields");
    std::string& field = out.fields.emplace_back();
    Status st = pos_ < text_.size() && text_[pos_] == '"' ? read_quoted(field, line_) : read_plain(field);
    if (!st) return st.error();
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    pos_ += text_[pos_] == '\r' ? 2 : 1;  // CRLF or LF ends the record
    ++line_;
    return true;
  }
}

Result<std::vector<std::size_t>> map_columns(const CsvRecord& header, std::span<const std::string_view> expected,
                                             const CsvReader& reader) {
  std::vector<std::size_t> idx;
  std::string missing;
  for (auto col : expected) {
    std::size_t i = 0;
    while (i < header.fields.size() && header.fields[i] != col) ++i;
    if (i == header.fields.size()) missing += (missing.empty() ? "" : ", ") + std::string(col);
    idx.push_back(i);
  }
  if (!missing.empty()) return reader.error_at(header.line, "header lacks column(s): " + missing);
  return idx;
}

}  // namespace pedigree::db
