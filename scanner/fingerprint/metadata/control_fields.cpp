#include "scanner/fingerprint/metadata/control_fields.h"

namespace pedigree::fingerprint {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view first_word(std::string_view s) {
  s = trim(s);
  auto end = s.find_first_of(" \t(");
  return end == std::string_view::npos ? s : s.substr(0, end);
}

/// Stores one "Field: value" line into the record, when it is a field we keep.
void take_field(std::string_view field, std::string_view value, PackageRecord& r) {
  if (field == "Package")
    r.package = std::string(first_word(value));
  else if (field == "Version")
    r.version = std::string(first_word(value));
  else if (field == "Source" || field == "SourceName")
    r.source = std::string(first_word(value));
  else if (field == "Architecture")
    r.architecture = std::string(first_word(value));
  else if (field == "Status")
    r.status = std::string(trim(value));
}

}  // namespace

std::vector<PackageRecord> parse_control_stanzas(std::string_view text) {
  std::vector<PackageRecord> out;
  PackageRecord cur;
  bool open = false;  // a stanza has started
  auto flush = [&] {
    if (open && !cur.package.empty()) out.push_back(std::move(cur));
    cur = PackageRecord{};
    open = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    auto line_start = pos;
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') continue;  // continuation of a long field
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    if (!open) {
      open = true;
      cur.offset = line_start;
    }
    take_field(line.substr(0, colon), line.substr(colon + 1), cur);
  }
  flush();
  return out;
}

bool is_installed(const PackageRecord& r) {
  if (r.status.empty()) return true;
  auto last = r.status.find_last_of(" \t");
  return std::string_view(r.status).substr(last == std::string::npos ? 0 : last + 1) == "installed";
}

}  // namespace pedigree::fingerprint
