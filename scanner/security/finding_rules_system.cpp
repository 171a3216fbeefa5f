// Finding rules for accounts, services and file permissions.
#include <fmt/format.h>

#include "scanner/security/finding_rules.h"

namespace pedigree::security {
namespace {

struct ServiceRule {
  std::string_view service;
  std::string_view kind;
  std::string_view severity;
  std::string_view title;
  std::string_view remediation;
};

constexpr ServiceRule kServiceRules[] = {
    {"telnetd", "SVC-TELNET", "high", "Telnet server started at boot",
     "Remove telnetd; offer SSH with key-based login if remote access is needed."},
    {"ftpd", "SVC-FTP", "medium", "FTP server started", "Remove the FTP server or restrict it to authenticated TLS."},
    {"tftpd", "SVC-TFTP", "medium", "TFTP server started", "Remove the TFTP server: it has no authentication at all."},
    {"upnpd", "SVC-UPNP", "medium", "UPnP daemon started", "Disable UPnP by default; never expose it on the WAN side."},
    {"console-shell", "SVC-SHELL", "high", "Shell without login on a console",
     "Require a login on every console (getty/login), or remove the console in production builds."},
    {"adbd", "SVC-ADB", "high", "Android debug bridge daemon started", "Do not start adbd in production builds."},
};

std::string line_evidence(const report::Service& s) { return fmt::format("line {}: {}", s.line, s.text); }

}  // namespace

void add_credential_findings(report::Report& r) {
  for (const auto& c : r.credentials) {
    std::string who = c.user.empty() ? std::string("(no user)") : c.user;
    bool root = c.uid == 0 || c.user == "root";
    std::string evidence = fmt::format("user {} (uid {}), {} hash in {}", who, c.uid, c.hash_type, c.source);
    if (c.source == "config" || c.source == "wpa" || c.source == "netrc") {
      add_finding(
          r, "CRED-CLEARTEXT", c.user + c.password_hint, "medium", "credential",
          "Clear-text password in a configuration file", c.origin,
          fmt::format("{} credential{}, value {}", c.source, c.user.empty() ? "" : " for " + c.user, c.password_hint),
          "Do not ship credentials in the image; provision them per device.");
      continue;
    }
    if (c.empty_password && c.login_shell) {
      add_finding(r, "CRED-EMPTY", c.user, root ? "critical" : "high", "credential",
                  "Account without a password: " + who, c.origin, evidence,
                  "Set a unique per-device password or lock the account.");
    } else if (c.password_known) {
      add_finding(r, "CRED-DEFAULT", c.user, "critical", "credential",
                  "Account with a well-known default password: " + who, c.origin,
                  evidence + ", cracked by the default-credential dictionary (" + c.password_hint + ")",
                  "Remove default passwords: force a unique password at first use (ETSI EN 303 645 provision 5.1-1).");
    }
    if (c.uid0_non_root) {
      add_finding(r, "CRED-UID0", c.user, "high", "credential", "Account other than root with UID 0: " + who, c.origin,
                  evidence, "Give the account its own UID, or remove it.");
    }
    if (c.hash_type == "des" || c.hash_type == "md5") {
      add_finding(r, "CRED-WEAKHASH", c.user, "medium", "credential",
                  "Password hashed with " + c.hash_type + "crypt: " + who, c.origin, evidence,
                  "Hash passwords with yescrypt or sha512crypt.");
    }
  }
}

void add_service_findings(report::Report& r) {
  for (const auto& s : r.services) {
    for (const auto& rule : kServiceRules) {
      if (rule.service != s.name) continue;
      std::string title(rule.title);
      if (!s.details.empty() && rule.service == "console-shell") title += ": " + s.details;
      add_finding(r, rule.kind, std::to_string(s.line), std::string(rule.severity), "service", title, s.origin,
                  line_evidence(s), std::string(rule.remediation));
    }
    if (s.name == "dropbear" && s.started != "config" && s.details.find("root included") != std::string::npos) {
      add_finding(r, "SVC-SSH-ROOT", std::to_string(s.line), "medium", "service",
                  "SSH server accepts passwords, also for root", s.origin, line_evidence(s) + " (" + s.details + ")",
                  "Start dropbear with -g (no root password login) or -s (keys only).");
    }
  }
}

void add_permission_findings(report::Report& r) {
  for (const auto& p : r.permission_issues) {
    bool writable = p.kind == "world-writable";
    add_finding(r, writable ? "PERM-WRITABLE" : (p.kind == "setuid" ? "PERM-SETUID" : "PERM-SETGID"), p.kind,
                writable ? "medium" : "low", "permissions",
                writable ? "World-writable file or directory" : "File with the " + p.kind + " bit", p.origin,
                fmt::format("mode {:04o}", p.mode),
                writable ? "Remove write permission for others (or set the sticky bit on shared directories)."
                         : "Drop the " + p.kind + " bit unless the program needs it and is audited for it.");
  }
}

}  // namespace pedigree::security
