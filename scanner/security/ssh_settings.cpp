#include "scanner/security/ssh_settings.h"

#include <algorithm>
#include <string>

namespace pedigree::security {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::pair<std::string_view, std::string_view> key_and_value(std::string_view t) {
  std::size_t sp = t.find_first_of(" \t");
  if (sp == std::string_view::npos) return {t, {}};
  std::string_view v = trim(t.substr(sp));
  if (v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return {t.substr(0, sp), v};
}

bool truthy(std::string_view v) {
  std::string l = lower(v);
  return l == "on" || l == "1" || l == "yes" || l == "true" || l == "enabled";
}

}  // namespace

std::vector<fingerprint::SshSetting> parse_ssh_settings(std::string_view kind, const std::vector<Line>& lines) {
  std::vector<fingerprint::SshSetting> out;
  bool dropbear = kind == "dropbear-config";
  for (const auto& l : lines) {
    std::string_view t = trim(l.text);
    if (t.empty() || t.front() == '#') continue;
    if (dropbear) {
      if (t.rfind("option", 0) != 0) continue;
      t = trim(t.substr(6));
    }
    auto [key, value] = key_and_value(t);
    std::string k = lower(key);
    fingerprint::SshSetting s{.line = l.number, .server = dropbear ? "dropbear" : "sshd", .text = std::string(t)};
    if (k == "passwordauth" || k == "passwordauthentication") {
      s.key = "password-auth";
      s.enabled = truthy(value);
    } else if (k == "rootpasswordauth") {
      s.key = "root-password-auth";
      s.enabled = truthy(value);
    } else if (k == "permitrootlogin") {
      s.key = "root-login";
      s.enabled = lower(value) == "yes";
    } else if (k == "permitemptypasswords") {
      s.key = "empty-passwords";
      s.enabled = truthy(value);
    } else {
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace pedigree::security
