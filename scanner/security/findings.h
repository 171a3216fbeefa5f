// Findings: the security facts judged. Each rule below reads the report's
// certificates, keys, credentials, services and permission issues and adds
// findings with a stable id, a severity, evidence and a remediation.
//
// Severity choices:
//   critical  a usable private key in the image; an account with a known
//             default or empty password that can log in as root
//   high      UID-0 accounts other than root; telnet; a shell on a console
//             without login; adb; a certificate whose key is in the image;
//             an encrypted private key; an empty password on another account
//   medium    expired certificates; RSA keys under 2048 bits; MD5 or SHA-1
//             signatures (not on self-signed CA roots, whose signature no one
//             verifies); DES/MD5 password hashes; clear-text passwords in
//             configs; FTP/TFTP; UPnP; SSH password login for root;
//             world-writable files and directories without the sticky bit
//   low       setuid/setgid files; certificates not yet valid
// The same table, for readers of the report: docs/security-findings.md.
#pragma once

#include <string>
#include <string_view>

#include "scanner/report/report.h"

namespace pedigree::security {

/// "PEDIGREE-<KIND>-<first 8 hex of SHA-256(kind, origin, detail)>": the same
/// fact in the same place gets the same id on every run.
std::string finding_id(std::string_view kind, std::string_view origin, std::string_view detail);

/// Appends the findings of every security section and sorts them, most
/// severe first.
void add_security_findings(report::Report& r);

}  // namespace pedigree::security
