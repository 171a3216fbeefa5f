#include "scanner/fingerprint/lone_version.h"

#include <vector>

namespace pedigree::fingerprint {

namespace {

constexpr char kAnyField = '*';
constexpr char kTailSeparator = ' ';
constexpr std::string_view kAlternativeSeparator = " || ";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A byte that may belong to a longer version or name: a candidate must not
/// start right after one ("16.2.1", "v6.2.1", "libfoo-6.2.1").
bool continues_text(char c) { return is_digit(c) || is_letter(c) || c == '.' || c == '-' || c == '_' || c == '+'; }

struct Pattern {
  std::vector<std::string_view> fields;
  std::string tail;  // text after the version; empty means a NUL
};

std::optional<Pattern> parse(std::string_view pattern) {
  Pattern out;
  auto space = pattern.find(kTailSeparator);
  if (space != std::string_view::npos) {
    out.tail = std::string(pattern.substr(space));
    if (out.tail.size() < 2) return std::nullopt;
    pattern = pattern.substr(0, space);
  }
  while (true) {
    auto dot = pattern.find('.');
    out.fields.push_back(pattern.substr(0, dot));
    if (dot == std::string_view::npos) break;
    pattern.remove_prefix(dot + 1);
  }
  if (out.fields.size() < 2) return std::nullopt;
  for (std::size_t i = 0; i < out.fields.size(); ++i) {
    auto f = out.fields[i];
    bool any = f.size() == 1 && f[0] == kAnyField;
    bool digits = !f.empty();
    for (char c : f) digits = digits && is_digit(c);
    if (!digits && (!any || i == 0)) return std::nullopt;
  }
  return out;
}

/// Length of the version `p` reads at the start of `text`, or 0.
std::size_t match_at(const Pattern& p, std::string_view text) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < p.fields.size(); ++i) {
    if (i > 0) {
      if (at >= text.size() || text[at] != '.') return 0;
      ++at;
    }
    std::size_t n = 0;
    while (at + n < text.size() && is_digit(text[at + n])) ++n;
    if (p.fields[i][0] == kAnyField) {
      if (n == 0 || n > kMaxLoneFieldDigits) return 0;
    } else if (text.substr(at, n) != p.fields[i]) {
      return 0;
    }
    at += n;
  }
  std::string_view rest = text.substr(at);
  if (p.tail.empty()) return !rest.empty() && rest.front() == '\0' ? at : 0;
  return rest.starts_with(p.tail) ? at : 0;
}

/// Every alternative of `pattern`, or nothing when one is not well formed.
std::vector<Pattern> parse_all(std::string_view pattern) {
  std::vector<Pattern> out;
  while (true) {
    auto at = pattern.find(kAlternativeSeparator);
    auto p = parse(pattern.substr(0, at));
    if (!p) return {};
    out.push_back(std::move(*p));
    if (at == std::string_view::npos) return out;
    pattern.remove_prefix(at + kAlternativeSeparator.size());
  }
}

}  // namespace

std::optional<std::string> lone_version(std::string_view pattern, std::string_view data, std::size_t* offset) {
  auto parsed = parse_all(pattern);
  if (parsed.empty()) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& p : parsed) {
    // Every candidate starts with the major release and its dot.
    std::string anchor = std::string(p.fields.front()) + '.';
    for (auto at = data.find(anchor); at != std::string_view::npos; at = data.find(anchor, at + 1)) {
      if (at > 0 && continues_text(data[at - 1])) continue;
      std::size_t n = match_at(p, data.substr(at));
      if (n == 0) continue;
      std::string_view v = data.substr(at, n);
      if (found && *found != v) return std::nullopt;
      if (!found && offset) *offset = at;
      found = std::string(v);
    }
  }
  return found;
}

bool valid_lone_pattern(std::string_view pattern) { return !parse_all(pattern).empty(); }

}  // namespace pedigree::fingerprint
