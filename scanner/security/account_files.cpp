#include "scanner/security/account_files.h"

#include <algorithm>
#include <charconv>

#include "scanner/security/text_lines.h"

namespace pedigree::security {
namespace {

constexpr std::size_t kPasswdFields = 7;
constexpr std::size_t kShadowFields = 9;
constexpr std::size_t kHtpasswdFields = 2;
constexpr std::size_t kDesHashLength = 13;
constexpr std::size_t kMaxUserName = 64;
/// Share of well-formed lines (in percent) a file needs to count.
constexpr std::size_t kMinValidPercent = 80;

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (out.size() < kShadowFields + 1) {
    std::size_t at = line.find(sep, start);
    out.push_back(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

bool is_number(std::string_view s, std::int64_t& v) {
  if (s.empty() || s.size() > 10) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && v >= 0;
}

bool digits_or_empty(std::string_view s) {
  return s.size() <= 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool user_ok(std::string_view u) {
  return !u.empty() && u.size() <= kMaxUserName && std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == '$' || c == '@';
  });
}

bool hash_field_ok(std::string_view h) {
  return h.size() < 512 && std::none_of(h.begin(), h.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool crypt_like(std::string_view h) {
  auto t = classify_hash(h);
  return t != "unknown" && t != "empty" && t != "none";
}

std::optional<fingerprint::AccountEntry> parse_line(std::string_view line, std::string_view kind) {
  auto f = split(line, ':');
  fingerprint::AccountEntry e;
  if (f.empty() || !user_ok(f[0])) return std::nullopt;
  e.user = std::string(f[0]);
  e.source = std::string(kind);
  if (kind == "passwd") {
    if (f.size() != kPasswdFields || !hash_field_ok(f[1]) || !is_number(f[2], e.uid) || !is_number(f[3], e.gid)) {
      return std::nullopt;
    }
    e.hash = std::string(f[1]);
    e.shell = std::string(f[6]);
  } else if (kind == "shadow") {
    if (f.size() != kShadowFields || !hash_field_ok(f[1])) return std::nullopt;
    for (std::size_t i = 2; i < kShadowFields; ++i) {
      if (!digits_or_empty(f[i])) return std::nullopt;
    }
    e.hash = std::string(f[1]);
  } else {
    if (f.size() != kHtpasswdFields || !crypt_like(f[1])) return std::nullopt;
    e.hash = std::string(f[1]);
  }
  return e;
}

std::vector<fingerprint::AccountEntry> parse_as(const std::vector<Line>& lines, std::string_view kind) {
  std::vector<fingerprint::AccountEntry> out;
  std::size_t considered = 0;
  for (const auto& l : lines) {
    if (l.text.empty() || l.text.front() == '#') continue;
    ++considered;
    if (auto e = parse_line(l.text, kind)) {
      e->line = l.number;
      out.push_back(std::move(*e));
    }
  }
  if (out.empty() || out.size() * 100 < considered * kMinValidPercent) return {};
  return out;
}

}  // namespace

std::string_view classify_hash(std::string_view h) {
  if (h.empty()) return "empty";
  if (h == "x" || h == "*") return h == "x" ? "none" : "locked";
  if (h.front() == '!' || h.front() == '*') return "locked";
  if (h.rfind("$1$", 0) == 0 || h.rfind("$apr1$", 0) == 0) return "md5";
  if (h.rfind("$5$", 0) == 0) return "sha256";
  if (h.rfind("$6$", 0) == 0) return "sha512";
  if (h.rfind("$y$", 0) == 0 || h.rfind("$7$", 0) == 0) return "yescrypt";
  if (h.rfind("$2a$", 0) == 0 || h.rfind("$2b$", 0) == 0 || h.rfind("$2y$", 0) == 0) return "bcrypt";
  if (h.rfind("{SHA}", 0) == 0) return "sha1";
  if (h.size() == kDesHashLength && std::all_of(h.begin(), h.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '/';
      })) {
    return "des";
  }
  return "unknown";
}

std::vector<fingerprint::AccountEntry> parse_account_file(ByteView data) {
  if (data.size() > kMaxAccountFile || !looks_like_text(data)) return {};
  auto lines = split_lines(as_chars(data));
  for (std::string_view kind : {"shadow", "passwd", "htpasswd"}) {
    auto out = parse_as(lines, kind);
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace pedigree::security
