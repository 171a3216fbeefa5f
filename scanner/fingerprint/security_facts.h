// What the security analyzers (certificates, keys, accounts, services) say
// about one file, before the post-walk step pairs, cracks and judges them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// One line of a passwd, shadow or htpasswd file. Holds the password hash so
/// that the post-walk step can crack it; the hash never reaches the report.
struct AccountEntry {
  std::string origin;
  std::string source;  ///< passwd, shadow, htpasswd
  std::uint32_t line = 0;
  std::string user;
  std::string hash;  ///< the password field as written
  std::int64_t uid = -1;
  std::int64_t gid = -1;
  std::string shell;
};

/// An SSH server setting read from a configuration file.
struct SshSetting {
  std::string origin;
  std::uint32_t line = 0;
  std::string server;  ///< dropbear, sshd
  std::string key;     ///< password-auth, root-password-auth, root-login
  bool enabled = false;
  std::string text;
};

struct SecurityFacts {
  std::vector<report::Certificate> certificates;
  std::vector<report::PrivateKey> keys;
  std::vector<AccountEntry> accounts;
  std::vector<report::Credential> secrets;  ///< clear-text credentials in configs and scripts
  std::vector<report::Service> services;
  std::vector<SshSetting> ssh_settings;

  bool empty() const {
    return certificates.empty() && keys.empty() && accounts.empty() && secrets.empty() && services.empty() &&
           ssh_settings.empty();
  }
  void append(SecurityFacts&& other);
  /// Orders every list by origin, then position, so equal inputs give equal output.
  void sort();
};

}  // namespace pedigree::fingerprint
