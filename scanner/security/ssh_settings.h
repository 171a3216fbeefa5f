// SSH server settings that decide whether passwords (and root's) are
// accepted: OpenWrt's uci /etc/config/dropbear (option PasswordAuth,
// RootPasswordAuth) and OpenSSH's sshd_config (PasswordAuthentication,
// PermitRootLogin, PermitEmptyPasswords).
#pragma once

#include <string_view>
#include <vector>

#include "scanner/fingerprint/security_facts.h"
#include "scanner/security/text_lines.h"

namespace pedigree::security {

/// The settings the lines state; `kind` is dropbear-config or sshd-config.
std::vector<fingerprint::SshSetting> parse_ssh_settings(std::string_view kind, const std::vector<Line>& lines);

}  // namespace pedigree::security
