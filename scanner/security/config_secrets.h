// Clear-text credentials in configuration files and scripts, found by a few
// conservative line patterns (case-insensitive keys):
//   key=value / key = value / key: value     password, passwd, pass, pwd,
//                                            wpa_passphrase, psk, secret
//   uci   option password|key|psk 'value'    (OpenWrt /etc/config/*)
//   netrc machine H login U password P       (.netrc)
// Values that are variables ($X, ${X}), empty or placeholders are skipped;
// the user is the nearest "user", "username" or "login" value in the file.
#pragma once

#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/report/report.h"

namespace pedigree::security {

/// Largest file read for clear-text credentials.
inline constexpr std::size_t kMaxConfigFile = 256 * 1024;
/// Most credentials reported per file.
inline constexpr std::size_t kMaxSecretsPerFile = 32;

/// Credentials with source (wpa, netrc, config), user, masked hint and
/// password_known set; origins left empty. Never keeps the secret itself.
std::vector<report::Credential> find_config_secrets(ByteView data);

}  // namespace pedigree::security
