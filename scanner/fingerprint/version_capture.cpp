#include "scanner/fingerprint/version_capture.h"

#include <vector>

namespace pedigree::fingerprint {

namespace {

/// The placeholders, each read by its own reader below.
constexpr std::string_view kVersion = "{v}";
constexpr std::string_view kNumber = "{n}";
constexpr std::string_view kPatched = "{v-P}";
constexpr std::string_view kPatchMark = "-P";
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

/// A dotless release number ("30" of "kmod version 30"): 1 to kMaxNumberDigits digits.
std::string_view read_number(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && is_digit(text[n])) ++n;
  if (n == 0 || n > kMaxNumberDigits) return {};
  return text.substr(0, n);
}

/// A version token, with its patch release ("4.4.3-P1") when one follows.
std::string_view read_patched(std::string_view text) {
  std::string_view token = read_token(text);
  if (token.empty() || !text.substr(token.size()).starts_with(kPatchMark)) return token;
  std::size_t at = token.size() + kPatchMark.size();
  std::size_t n = 0;
  while (at + n < text.size() && is_digit(text[at + n])) ++n;
  if (n == 0 || n > kMaxPatchDigits) return token;
  if (at + n < text.size() && (is_letter(text[at + n]) || text[at + n] == '.')) return token;
  if (at + n > kMaxVersionLength) return {};
  return text.substr(0, at + n);
}

struct Placeholder {
  std::size_t at = std::string_view::npos;
  std::string_view text;
};

/// Every placeholder in `alt`, in order.
std::vector<Placeholder> placeholders(std::string_view alt) {
  std::vector<Placeholder> out;
  for (std::size_t i = 0; i < alt.size(); ++i) {
    for (auto p : {kVersion, kNumber, kPatched}) {
      if (alt.substr(i).starts_with(p)) {
        out.push_back({i, p});
        i += p.size() - 1;
        break;
      }
    }
  }
  return out;
}

std::string_view read_placeholder(std::string_view placeholder, std::string_view text) {
  if (placeholder == kNumber) return read_number(text);
  if (placeholder == kPatched) return read_patched(text);
  return read_token(text);
}

std::optional<std::string> capture_one(std::string_view alt, std::string_view window) {
  auto found = placeholders(alt);
  if (found.size() != 1) return std::nullopt;
  const Placeholder& ph = found.front();
  std::string prefix = with_nuls(alt.substr(0, ph.at));
  std::string suffix = with_nuls(alt.substr(ph.at + ph.text.size()));
  std::size_t from = 0;
  while (from <= window.size()) {
    auto at = window.find(prefix, from);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = window.substr(at + prefix.size());
    std::string_view token = read_placeholder(ph.text, rest);
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
    auto found = placeholders(alt);
    if (found.size() != 1) return false;
    // A bare number is everywhere: `{n}` needs text after it to end it.
    if (found.front().text == kNumber && found.front().at + kNumber.size() == alt.size()) return false;
  }
  return true;
}

}  // namespace pedigree::fingerprint
