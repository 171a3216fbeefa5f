#include "scanner/security/security_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "scanner/core/calendar_date.h"
#include "scanner/security/findings.h"

namespace pedigree::security {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kExpiresSoonDays = 90;
constexpr std::uint32_t kSetuid = 04000;
constexpr std::uint32_t kSetgid = 02000;
constexpr std::uint32_t kSticky = 01000;
constexpr std::uint32_t kOtherWrite = 0002;
constexpr std::uint32_t kPermBits = 07777;
/// Permission issues listed before the rest is summed up in a warning.
constexpr std::size_t kMaxPermissionIssues = 2000;

std::string fmt_line(std::uint32_t line, const std::string& text) {
  return "line " + std::to_string(line) + ": " + text;
}

/// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed.
std::optional<std::int64_t> iso_seconds(const std::string& t) {
  if (t.size() != 20) return std::nullopt;
  auto day = parse_iso_date(std::string_view(t).substr(0, 10));
  if (!day) return std::nullopt;
  auto num = [&](std::size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
  return *day * kSecondsPerDay + num(11) * 3600 + num(14) * 60 + num(17);
}

/// True when `a` is a file that contains `b` (b's origin chain runs through a).
bool is_ancestor(const std::string& a, const std::string& b) {
  return b.size() > a.size() + 1 && b.compare(0, a.size(), a) == 0 && b[a.size()] == ' ';
}

/// Drops entries whose copy also shows inside one of the file's members
/// (an uncompressed archive and the file in it): the member is the place.
template <typename T, typename Key>
void drop_container_copies(std::vector<T>& v, Key key) {
  std::map<std::string, std::vector<const std::string*>> origins;
  for (const auto& x : v) {
    if (!key(x).empty()) origins[key(x)].push_back(&x.origin);
  }
  std::vector<T> kept;
  for (auto& x : v) {
    bool container = false;
    if (!key(x).empty()) {
      for (const auto* o : origins[key(x)]) container = container || is_ancestor(x.origin, *o);
    }
    if (!container) kept.push_back(std::move(x));
  }
  v = std::move(kept);
}

template <typename T, typename Key>
void fill_also_at(std::vector<T>& v, Key key) {
  std::map<std::string, std::set<std::string>> origins;
  for (const auto& x : v) {
    if (!key(x).empty()) origins[key(x)].insert(x.origin);
  }
  for (auto& x : v) {
    if (key(x).empty()) continue;
    for (const auto& o : origins[key(x)]) {
      if (o != x.origin) x.also_at.push_back(o);
    }
  }
}

void link_keys(std::vector<report::PrivateKey>& keys, const std::vector<report::Certificate>& certs) {
  std::map<std::string, std::set<std::string>> by_spki;
  for (const auto& c : certs) by_spki[c.spki_sha256].insert(c.sha256);
  for (auto& k : keys) {
    if (k.spki_sha256.empty()) continue;
    auto it = by_spki.find(k.spki_sha256);
    if (it != by_spki.end()) k.matches_certificate.assign(it->second.begin(), it->second.end());
  }
}

/// Without an authorityKeyIdentifier, the issuer's key id is the subject key
/// id of the CA certificate in the image whose subject is this issuer.
void fill_issuer_key_ids(std::vector<report::Certificate>& certs) {
  std::map<std::string, std::string> ski_by_subject;
  for (const auto& c : certs) {
    if (c.is_ca && !c.subject_key_id.empty()) ski_by_subject.emplace(c.subject, c.subject_key_id);
  }
  for (auto& c : certs) {
    auto it = ski_by_subject.find(c.issuer);
    if (c.issuer_key_id.empty() && it != ski_by_subject.end()) c.issuer_key_id = it->second;
  }
}

void add_permission_issues(report::Report& r) {
  for (const auto& f : r.files) {
    if (f.kind != "file" && f.kind != "dir") continue;
    std::uint32_t m = f.mode;
    auto add = [&](const char* kind) {
      if (r.permission_issues.size() < kMaxPermissionIssues) {
        r.permission_issues.push_back({f.origin, kind, m & kPermBits, ""});
      }
    };
    if (f.kind == "file" && (m & kSetuid) != 0) add("setuid");
    if (f.kind == "file" && (m & kSetgid) != 0) add("setgid");
    if ((m & kOtherWrite) != 0 && (f.kind == "file" || (m & kSticky) == 0)) add("world-writable");
  }
  if (r.permission_issues.size() == kMaxPermissionIssues) {
    r.warnings.push_back({"limit", r.image.name, "permission issues: only the first 2000 are listed"});
  }
}

/// SSH settings are listed with the services; the risky ones are findings.
void add_ssh_settings(report::Report& r, const std::vector<fingerprint::SshSetting>& settings) {
  for (const auto& s : settings) {
    std::string state = s.enabled ? "allowed" : "not allowed";
    std::string what = s.key == "password-auth"        ? "password login"
                       : s.key == "root-password-auth" ? "password login for root"
                       : s.key == "root-login"         ? "root login"
                                                       : "empty passwords";
    r.services.push_back(
        {s.origin, s.line, s.server, "config", s.server + " configured: " + what + " " + state, s.text});
    bool risky = s.enabled && (s.key == "root-password-auth" || s.key == "root-login" || s.key == "empty-passwords");
    if (!risky) continue;
    r.findings.push_back({finding_id("SVC-SSH-ROOT", s.origin, s.text), "medium", "service",
                          s.server + " allows " + what, s.origin, fmt_line(s.line, s.text),
                          "Allow only key-based login for root (dropbear -g, PermitRootLogin prohibit-password)."});
  }
}

}  // namespace

void judge_dates(report::Certificate& c, const std::string& reference_date) {
  auto ref = parse_iso_date(reference_date);
  auto nb = iso_seconds(c.not_before), na = iso_seconds(c.not_after);
  if (!ref || !nb || !na) return;
  std::int64_t now = *ref * kSecondsPerDay;
  c.expired = *na < now;
  c.not_yet_valid = *nb > now;
  c.expires_soon = !c.expired && *na - now <= kExpiresSoonDays * kSecondsPerDay;
}

void add_security(report::Report& r, fingerprint::SecurityFacts facts, const CrackBudget& budget) {
  auto cert_key = [](const report::Certificate& c) -> const std::string& { return c.sha256; };
  auto key_key = [](const report::PrivateKey& k) -> const std::string& { return k.spki_sha256; };
  drop_container_copies(facts.certificates, cert_key);
  drop_container_copies(facts.keys, key_key);
  fill_also_at(facts.certificates, cert_key);
  fill_also_at(facts.keys, key_key);
  for (auto& c : facts.certificates) judge_dates(c, r.reference_date);
  link_keys(facts.keys, facts.certificates);
  fill_issuer_key_ids(facts.certificates);
  r.certificates = std::move(facts.certificates);
  r.keys = std::move(facts.keys);
  r.credentials = build_credentials(facts.accounts, budget, r.warnings);
  for (auto& s : facts.secrets) r.credentials.push_back(std::move(s));
  std::stable_sort(r.credentials.begin(), r.credentials.end(), [](const auto& a, const auto& b) {
    return std::tie(a.origin, a.user) < std::tie(b.origin, b.user);
  });
  r.services = std::move(facts.services);
  add_ssh_settings(r, facts.ssh_settings);
  add_permission_issues(r);
  add_security_findings(r);
}

}  // namespace pedigree::security
