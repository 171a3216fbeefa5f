#include "scanner/db/version.h"

#include <array>
#include <cstddef>

namespace pedigree::db {
namespace {

// Token kinds in the order they sort at one position. kEnd is the virtual
// token past the end of the shorter version; against a number it counts as 0.
enum class Kind { kTilde, kPre, kEnd, kLetter, kPost, kNumber };

struct Token {
  Kind kind = Kind::kEnd;
  std::string_view text;
  int rank = 0;  ///< order among pre-release words
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

struct Word {
  std::string_view name;
  Kind kind;
  int rank;
  bool needs_number;  ///< only this kind when a number follows (`b1`, `p1`)
};

// Words with a meaning of their own; any other letters are a suffix.
constexpr std::array kWords{
    Word{"dev", Kind::kPre, 0, false}, Word{"snapshot", Kind::kPre, 0, false}, Word{"alpha", Kind::kPre, 1, false},
    Word{"a", Kind::kPre, 1, true},    Word{"beta", Kind::kPre, 2, false},     Word{"b", Kind::kPre, 2, true},
    Word{"pre", Kind::kPre, 3, false}, Word{"preview", Kind::kPre, 3, false},  Word{"test", Kind::kPre, 3, false},
    Word{"rc", Kind::kPre, 4, false},  Word{"c", Kind::kPre, 4, true},         Word{"p", Kind::kPost, 0, true},
    Word{"pl", Kind::kPost, 0, true},  Word{"patch", Kind::kPost, 0, false},   Word{"post", Kind::kPost, 0, false},
};

/// Yields the tokens of one version without allocating.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {
    if (s_.size() >= 2 && lower(s_[0]) == 'v' && is_digit(s_[1])) pos_ = 1;
  }

  Token next() {
    while (pos_ < s_.size() && !is_digit(s_[pos_]) && !is_alpha(s_[pos_]) && s_[pos_] != '~') ++pos_;
    if (pos_ >= s_.size()) return Token{};
    std::size_t start = pos_;
    if (s_[pos_] == '~') {
      ++pos_;
      return Token{Kind::kTilde, s_.substr(start, 1)};
    }
    bool digits = is_digit(s_[pos_]);
    while (pos_ < s_.size() && (digits ? is_digit(s_[pos_]) : is_alpha(s_[pos_]))) ++pos_;
    std::string_view text = s_.substr(start, pos_ - start);
    if (digits) return Token{Kind::kNumber, text};
    bool number_follows = pos_ < s_.size() && is_digit(s_[pos_]);
    for (const Word& w : kWords) {
      if (iequals(text, w.name) && (number_follows || !w.needs_number)) return Token{w.kind, text, w.rank};
    }
    return Token{Kind::kLetter, text};
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string_view strip_zeros(std::string_view n) {
  while (n.size() > 1 && n[0] == '0') n.remove_prefix(1);
  return n;
}

int compare_numbers(std::string_view a, std::string_view b) {
  a = strip_zeros(a);
  b = strip_zeros(b);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compare_letters(std::string_view a, std::string_view b) {
  std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    char x = lower(a[i]), y = lower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

int compare_tokens(const Token& a, const Token& b) {
  if (a.kind == Kind::kEnd && b.kind == Kind::kNumber) return compare_numbers("0", b.text);
  if (a.kind == Kind::kNumber && b.kind == Kind::kEnd) return compare_numbers(a.text, "0");
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case Kind::kNumber: return compare_numbers(a.text, b.text);
    case Kind::kLetter: return compare_letters(a.text, b.text);
    case Kind::kPre: return a.rank == b.rank ? 0 : (a.rank < b.rank ? -1 : 1);
    default: return 0;
  }
}

bool looks_like_revision(std::string_view r) {
  if (r.empty() || !is_digit(r[0])) return false;
  for (char c : r)
    if (!is_digit(c) && !is_alpha(c) && c != '.' && c != '+' && c != '~') return false;
  return true;
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  Tokenizer ta(a), tb(b);
  for (;;) {
    Token x = ta.next(), y = tb.next();
    if (x.kind == Kind::kEnd && y.kind == Kind::kEnd) return 0;
    if (int c = compare_tokens(x, y); c != 0) return c;
  }
}

PackageVersion split_package_version(std::string_view version) {
  PackageVersion out;
  std::size_t colon = version.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool digits = true;
    for (std::size_t i = 0; i < colon; ++i) digits = digits && is_digit(version[i]);
    if (digits) {
      out.epoch = std::string(version.substr(0, colon));
      version.remove_prefix(colon + 1);
    }
  }
  std::size_t dash = version.rfind('-');
  if (dash != std::string_view::npos && dash > 0) {
    std::string_view upstream = version.substr(0, dash), revision = version.substr(dash + 1);
    // Without an epoch, demand a dotted upstream so dates (2023-01-15) stay whole.
    bool plausible = !out.epoch.empty() || upstream.find('.') != std::string_view::npos;
    if (plausible && looks_like_revision(revision)) {
      out.upstream = std::string(upstream);
      out.revision = std::string(revision);
      return out;
    }
  }
  out.upstream = std::string(version);
  return out;
}

int compare_package_versions(std::string_view a, std::string_view b) {
  PackageVersion x = split_package_version(a), y = split_package_version(b);
  if (int c = compare_numbers(x.epoch.empty() ? "0" : x.epoch, y.epoch.empty() ? "0" : y.epoch); c != 0) return c;
  if (int c = compare_versions(x.upstream, y.upstream); c != 0) return c;
  return compare_versions(x.revision, y.revision);
}

std::string version_sort_key(std::string_view version) {
  constexpr int kParts = 4;
  constexpr std::size_t kDigits = 6;
  std::string key;
  key.reserve(kParts * kDigits);
  Tokenizer t(version);
  int parts = 0;
  for (Token tok = t.next(); parts < kParts && tok.kind == Kind::kNumber; tok = t.next(), ++parts) {
    std::string_view n = strip_zeros(tok.text);
    if (n.size() > kDigits) n = "999999";  // clamped: still never out of order
    key.append(kDigits - n.size(), '0');
    key.append(n);
  }
  // A missing number counts as 0 (5.10 == 5.10.0), so pad with zeros.
  key.append((kParts - parts) * kDigits, '0');
  return key;
}

bool has_distro_revision(std::string_view version) { return !split_package_version(version).revision.empty(); }

}  // namespace pedigree::db
