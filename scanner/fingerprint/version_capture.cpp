#include "scanner/fingerprint/version_capture.h"

#include <vector>

namespace pedigree::fingerprint {

namespace {

constexpr std::string_view kPlaceholder = "{v}";
constexpr std::string_view kAlternativeSeparator = " || ";
/// Stands for one NUL byte: a version stored as its own C string is read
/// with "{0}{v}{0}" from a match that spans the strings around it.
constexpr std::string_view kNulMark = "{0}";

/// `literal` with every kNulMark replaced by a NUL byte.
std::string with_nuls(std::string_view literal) {
  std::string out;
  while (true) {
    auto at = literal.find(kNulMark);
    out += literal.substr(0, at);
    if (at == std::string_view::npos) return out;
    out += '\0';
    literal.remove_prefix(at + kNulMark.size());
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<std::string_view> alternatives(std::string_view spec) {
  std::vector<std::string_view> out;
  while (true) {
    auto at = spec.find(kAlternativeSeparator);
    out.push_back(spec.substr(0, at));
    if (at == std::string_view::npos) return out;
    spec.remove_prefix(at + kAlternativeSeparator.size());
  }
}

/// The version token at the start of `text`, or empty.
std::string_view read_token(std::string_view text) {
  if (text.empty() || !is_digit(text.front())) return {};
  std::size_t n = 0, letters = 0;
  bool dot = false;
  while (n < text.size() && (is_digit(text[n]) || is_letter(text[n]) || text[n] == '.')) {
    if (is_letter(text[n])) ++letters;
    if (text[n] == '.') dot = true;
    ++n;
    if (n > kMaxVersionLength) return {};
  }
  std::string_view token = text.substr(0, n);
  while (!token.empty() && token.back() == '.') token.remove_suffix(1);
  // The dot check uses the trimmed token: "2." is no version.
  dot = token.find('.') != std::string_view::npos;
  if (!dot || letters > kMaxVersionLetters) return {};
  return token;
}

std::optional<std::string> capture_one(std::string_view alt, std::string_view window) {
  auto ph = alt.find(kPlaceholder);
  if (ph == std::string_view::npos) return std::nullopt;
  std::string prefix = with_nuls(alt.substr(0, ph));
  std::string suffix = with_nuls(alt.substr(ph + kPlaceholder.size()));
  std::size_t from = 0;
  while (from <= window.size()) {
    auto at = window.find(prefix, from);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = window.substr(at + prefix.size());
    std::string_view token = read_token(rest);
    if (!token.empty() && rest.substr(token.size()).starts_with(suffix)) return std::string(token);
    from = at + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> capture_version(std::string_view spec, std::string_view window) {
  if (!valid_capture_spec(spec)) return std::nullopt;
  for (auto alt : alternatives(spec)) {
    if (auto v = capture_one(alt, window)) return v;
  }
  return std::nullopt;
}

bool valid_capture_spec(std::string_view spec) {
  if (spec.empty()) return false;
  for (auto alt : alternatives(spec)) {
    auto ph = alt.find(kPlaceholder);
    if (ph == std::string_view::npos || alt.find(kPlaceholder, ph + 1) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace pedigree::fingerprint
