#include "scanner/security/config_secrets.h"

#include <algorithm>
#include <string>

#include "scanner/security/crack.h"
#include "scanner/security/text_lines.h"

namespace pedigree::security {
namespace {

constexpr std::size_t kMaxSecretLength = 128;
constexpr std::string_view kPasswordKeys[] = {"password", "passwd", "pass", "pwd", "secret", "wpa_passphrase", "psk"};
constexpr std::string_view kUserKeys[] = {"user", "username", "login"};
constexpr std::string_view kPlaceholders[] = {"none", "null", "changeme_required", "xxx", "***", "<password>"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return v;
}

bool usable_secret(std::string_view v) {
  if (v.empty() || v.size() > kMaxSecretLength || v.front() == '$' || v.front() == '`') return false;
  // Code, not configuration: calls, blocks, markup, argument lists.
  if (v.find_first_of(" (){};<>,") != std::string_view::npos) return false;
  std::string l = lower(v);
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), l) == std::end(kPlaceholders);
}

template <std::size_t N>
bool in(const std::string_view (&keys)[N], std::string_view key) {
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

/// Splits "key=value", "key = value", "key: value" and uci "option key 'value'".
bool key_value(std::string_view line, std::string& key, std::string_view& value) {
  line = trim(line);
  if (line.empty() || line.front() == '#' || line.front() == ';') return false;
  if (line.rfind("option ", 0) == 0 || line.rfind("option\t", 0) == 0) {
    line = trim(line.substr(7));
    std::size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return false;
    key = lower(line.substr(0, sp));
    value = unquote(line.substr(sp));
    return true;
  }
  std::size_t at = line.find_first_of("=:");
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view k = trim(line.substr(0, at));
  if (k.find_first_of(" \t\"'") != std::string_view::npos) return false;
  // Shell "export KEY=value" and "local KEY=value".
  key = lower(k);
  value = unquote(line.substr(at + 1));
  return true;
}

void netrc_line(std::string_view line, std::vector<report::Credential>& out) {
  std::string_view login, password;
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < line.size() && words.size() < 16) {
    std::size_t start = line.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) break;
    std::size_t end = line.find_first_of(" \t", start);
    words.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    pos = end == std::string_view::npos ? line.size() : end;
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "login") login = words[i + 1];
    if (words[i] == "password") password = words[i + 1];
  }
  if (!words.empty() && words[0] == "machine" && usable_secret(password)) {
    out.push_back({.source = "netrc",
                   .user = std::string(login),
                   .hash_type = "plaintext",
                   .password_known = true,
                   .password_hint = mask_secret(password)});
  }
}

}  // namespace

std::vector<report::Credential> find_config_secrets(ByteView data) {
  std::vector<report::Credential> out;
  if (data.size() > kMaxConfigFile || !looks_like_text(data)) return out;
  std::string user;
  for (const auto& l : split_lines(as_chars(data))) {
    if (out.size() >= kMaxSecretsPerFile) break;
    if (trim(l.text).rfind("machine ", 0) == 0) {
      netrc_line(trim(l.text), out);
      continue;
    }
    std::string key;
    std::string_view value;
    if (!key_value(l.text, key, value)) continue;
    if (in(kUserKeys, key)) user = std::string(value);
    bool uci_key = key == "key" && trim(l.text).rfind("option", 0) == 0;
    if (!in(kPasswordKeys, key) && !uci_key) continue;
    if (!usable_secret(value)) continue;
    bool wifi = key == "wpa_passphrase" || key == "psk" || uci_key;
    out.push_back({.source = wifi ? "wpa" : "config",
                   .user = wifi ? std::string() : user,
                   .hash_type = "plaintext",
                   .password_known = true,
                   .password_hint = mask_secret(value)});
  }
  return out;
}

}  // namespace pedigree::security
