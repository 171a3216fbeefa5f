// Accounts: passwd entries joined with the shadow entries of the same
// directory, then cracked against the default-credential dictionary.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "scanner/security/account_files.h"
#include "scanner/security/security_report.h"

namespace pedigree::security {
namespace {

using fingerprint::AccountEntry;

constexpr std::string_view kNoLoginShells[] = {"nologin", "false", "sync", "shutdown", "halt"};

std::string directory_of(const std::string& origin) {
  auto slash = origin.rfind('/');
  return slash == std::string::npos ? origin : origin.substr(0, slash);
}

bool is_login_shell(const std::string& shell) {
  if (shell.empty()) return true;  // login(1) falls back to /bin/sh
  auto slash = shell.rfind('/');
  std::string_view name =
      slash == std::string::npos ? std::string_view(shell) : std::string_view(shell).substr(slash + 1);
  return std::find(std::begin(kNoLoginShells), std::end(kNoLoginShells), name) == std::end(kNoLoginShells);
}

bool crackable(std::string_view type) {
  return type == "des" || type == "md5" || type == "sha256" || type == "sha512" || type == "yescrypt" ||
         type == "bcrypt";
}

/// Cracks each distinct (hash, user) once, within the scan's budget.
class Cracker {
 public:
  Cracker(const CrackBudget& budget, std::vector<report::Warning>& warnings)
      : budget_(budget), warnings_(warnings), deadline_(std::chrono::steady_clock::now() + budget.total) {}

  void run(report::Credential& c, const std::string& hash) {
    auto key = std::make_pair(hash, c.user);
    auto it = done_.find(key);
    if (it == done_.end()) {
      CrackResult r = crack_hash(hash, c.user, budget_, deadline_);
      if (!r.password && !r.exhausted) {
        warnings_.push_back({"crack-budget", c.origin,
                             "password of " + c.user + " (" + c.hash_type + ") not fully tried: " +
                                 std::to_string(r.attempts) + " attempts within the time budget"});
      }
      it = done_.emplace(key, r.password).first;
    }
    if (it->second) {
      c.password_known = true;
      c.password_hint = mask_secret(*it->second);
    }
  }

 private:
  const CrackBudget& budget_;
  std::vector<report::Warning>& warnings_;
  std::chrono::steady_clock::time_point deadline_;
  std::map<std::pair<std::string, std::string>, std::optional<std::string>> done_;
};

report::Credential from_entry(const AccountEntry& e, const AccountEntry* shadow) {
  report::Credential c;
  c.origin = shadow != nullptr ? shadow->origin : e.origin;
  c.source = shadow != nullptr && e.source == "passwd" ? "passwd+shadow" : e.source;
  c.user = e.user;
  c.uid = e.uid;
  c.gid = e.gid;
  c.shell = e.shell;
  return c;
}

}  // namespace

std::vector<report::Credential> build_credentials(const std::vector<AccountEntry>& accounts, const CrackBudget& budget,
                                                  std::vector<report::Warning>& warnings) {
  std::map<std::pair<std::string, std::string>, const AccountEntry*> shadows;  // (dir, user)
  for (const auto& a : accounts) {
    if (a.source == "shadow") shadows.emplace(std::make_pair(directory_of(a.origin), a.user), &a);
  }
  std::set<const AccountEntry*> paired;
  std::vector<std::pair<report::Credential, std::string>> out;  // with the hash to crack
  for (const auto& a : accounts) {
    if (a.source == "shadow") continue;
    const AccountEntry* shadow = nullptr;
    if (a.source == "passwd") {
      auto it = shadows.find({directory_of(a.origin), a.user});
      if (it != shadows.end()) shadow = it->second;
    }
    if (shadow != nullptr) paired.insert(shadow);
    // The shadow hash counts unless passwd itself holds a real hash (or none).
    auto passwd_type = classify_hash(a.hash);
    bool from_shadow = shadow != nullptr && (passwd_type == "none" || passwd_type == "locked");
    out.emplace_back(from_entry(a, shadow), from_shadow ? shadow->hash : a.hash);
  }
  for (const auto& a : accounts) {
    if (a.source == "shadow" && paired.count(&a) == 0) out.emplace_back(from_entry(a, nullptr), a.hash);
  }
  Cracker cracker(budget, warnings);
  std::vector<report::Credential> creds;
  for (auto& [c, hash] : out) {
    c.hash_type = std::string(classify_hash(hash));
    c.empty_password = c.hash_type == "empty";
    c.uid0_non_root = c.uid == 0 && c.user != "root";
    c.login_shell = c.source == "shadow" || c.source == "htpasswd" || is_login_shell(c.shell);
    if (c.empty_password) {
      c.password_known = true;
      c.password_hint = mask_secret("");
    } else if (crackable(c.hash_type)) {
      cracker.run(c, hash);
    }
    creds.push_back(std::move(c));
  }
  return creds;
}

}  // namespace pedigree::security
