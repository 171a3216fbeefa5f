#include "scanner/db/id_list.h"

#include <optional>

namespace pedigree::db {
namespace {

constexpr std::size_t kIdDigits = 4;
constexpr std::string_view kSeparator = "  ";

std::optional<std::uint16_t> hex16(std::string_view s) {
  if (s.size() != kIdDigits) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    unsigned d;
    if (c >= '0' && c <= '9')
      d = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      d = static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      d = static_cast<unsigned>(c - 'A' + 10);
    else
      return std::nullopt;
    v = v * 16 + d;
  }
  return static_cast<std::uint16_t>(v);
}

/// "xxxx  Name" → id and name; nullopt when the line is not shaped so.
struct IdLine {
  std::uint16_t id;
  std::string name;
};
std::optional<IdLine> id_line(std::string_view s) {
  if (s.size() <= kIdDigits + kSeparator.size() || s.substr(kIdDigits, kSeparator.size()) != kSeparator)
    return std::nullopt;
  auto id = hex16(s.substr(0, kIdDigits));
  if (!id) return std::nullopt;
  std::string_view name = s.substr(kIdDigits + kSeparator.size());
  while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
  if (name.empty()) return std::nullopt;
  return IdLine{*id, std::string(name)};
}

/// A section keyword line: upper-case letters, then a space ("C 02  ...").
bool is_section(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= 'A' && s[n] <= 'Z') ++n;
  return n > 0 && n < s.size() && s[n] == ' ';
}

/// The value of a "# Key: value" comment, or empty.
std::string_view comment_value(std::string_view line, std::string_view key) {
  std::size_t p = line.find(key);
  if (p == std::string_view::npos) return {};
  std::string_view v = line.substr(p + key.size());
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

enum class Scope { kNone, kVendor, kSection };

}  // namespace

Result<IdList> parse_id_list(std::string_view text, const std::string& name, IdListLimits limits) {
  IdList out;
  std::string date;
  Scope scope = Scope::kNone;
  std::size_t line_no = 0;
  auto fail = [&](std::string_view msg) {
    return make_error(Errc::kCorrupt, name + ":" + std::to_string(line_no) + ": " + std::string(msg));
  };
  while (!text.empty()) {
    ++line_no;
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.size() > limits.max_line_bytes) return fail("line longer than " + std::to_string(limits.max_line_bytes));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (out.version.empty()) out.version = comment_value(line, "Version:");
      if (date.empty()) date = comment_value(line, "Date:");
      continue;
    }
    if (out.vendors.size() + out.devices.size() >= limits.max_entries)
      return fail("more than " + std::to_string(limits.max_entries) + " entries");
    if (line.front() != '\t') {
      if (auto v = id_line(line)) {
        out.vendors.push_back({v->id, std::move(v->name)});
        scope = Scope::kVendor;
      } else if (is_section(line)) {
        scope = Scope::kSection;
      } else {
        return fail("expected a vendor line 'vvvv  Name' or a section");
      }
      continue;
    }
    if (scope == Scope::kNone) return fail("indented line before any vendor or section");
    if (scope == Scope::kSection || line.substr(0, 2) == "\t\t") continue;  // classes, subsystems: not stored
    auto d = id_line(line.substr(1));
    if (!d) return fail("expected a device line '<TAB>dddd  Name'");
    out.devices.push_back({out.vendors.back().id, d->id, std::move(d->name)});
  }
  if (out.version.empty()) out.version = date;
  return out;
}

}  // namespace pedigree::db
