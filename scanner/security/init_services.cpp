#include "scanner/security/init_services.h"

#include <algorithm>
#include <string>
#include <vector>

#include "scanner/security/ssh_settings.h"
#include "scanner/security/text_lines.h"

namespace pedigree::security {
namespace {

struct Daemon {
  std::string_view program;
  std::string_view service;
};

constexpr Daemon kDaemons[] = {
    {"telnetd", "telnetd"}, {"utelnetd", "telnetd"}, {"in.telnetd", "telnetd"}, {"ftpd", "ftpd"},
    {"vsftpd", "ftpd"},     {"proftpd", "ftpd"},     {"pure-ftpd", "ftpd"},     {"bftpd", "ftpd"},
    {"tftpd", "tftpd"},     {"in.tftpd", "tftpd"},   {"atftpd", "tftpd"},       {"udpsvd", "tftpd"},
    {"miniupnpd", "upnpd"}, {"upnpd", "upnpd"},      {"minissdpd", "upnpd"},    {"httpd", "httpd"},
    {"lighttpd", "httpd"},  {"uhttpd", "httpd"},     {"nginx", "httpd"},        {"boa", "httpd"},
    {"goahead", "httpd"},   {"mini_httpd", "httpd"}, {"thttpd", "httpd"},       {"dropbear", "dropbear"},
    {"sshd", "sshd"},       {"adbd", "adbd"},        {"smbd", "smbd"},          {"snmpd", "snmpd"},
};
constexpr std::string_view kShells[] = {"sh", "ash", "bash", "hush", "msh", "dash"};
constexpr std::string_view kWrappers[] = {"exec",   "nohup",    "env",     "then",          "do",    "else", "sudo",
                                          "setsid", "cttyhack", "busybox", "service_start", "chroot"};

std::string_view basename(std::string_view w) {
  std::size_t slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size() && out.size() < 64) {
    std::size_t start = s.find_first_not_of(" \t\"'", pos);
    if (start == std::string_view::npos) break;
    std::size_t end = s.find_first_of(" \t\"'", start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    pos = end == std::string_view::npos ? s.size() : end;
  }
  return out;
}

const Daemon* find_daemon(std::string_view program) {
  for (const auto& d : kDaemons) {
    if (d.program == program) return &d;
  }
  return nullptr;
}

bool is_shell(std::string_view w) {
  if (!w.empty() && w.front() == '-') w.remove_prefix(1);  // "-/bin/sh": a login shell in inittab
  return std::find(std::begin(kShells), std::end(kShells), basename(w)) != std::end(kShells);
}

/// The program a command segment runs, past wrappers; its index in `w`.
std::size_t command_index(const std::vector<std::string_view>& w) {
  std::size_t i = 0;
  while (i < w.size()) {
    std::string_view b = basename(w[i]);
    if (std::find(std::begin(kWrappers), std::end(kWrappers), b) != std::end(kWrappers)) {
      ++i;
    } else if (b == "start-stop-daemon") {
      auto it = std::find_if(w.begin() + static_cast<long>(i), w.end(),
                             [](std::string_view x) { return x == "-x" || x == "--exec" || x == "-a"; });
      return it == w.end() || it + 1 == w.end() ? w.size() : static_cast<std::size_t>(it - w.begin()) + 1;
    } else if (b == "procd_set_param" && i + 2 < w.size() && w[i + 1] == "command") {
      return i + 2;
    } else {
      return i;
    }
  }
  return w.size();
}

/// Shell segments of a line: split on ; & | ( ) and backquotes.
std::vector<std::string_view> segments(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || std::string_view(";&|()`").find(line[i]) != std::string_view::npos) {
      if (i > start) out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string dropbear_details(const std::vector<std::string_view>& w, std::size_t from) {
  bool no_password = false, no_root_password = false;
  for (std::size_t i = from; i < w.size(); ++i) {
    if (w[i].size() >= 2 && w[i][0] == '-' && w[i][1] != '-') {
      no_password = no_password || w[i].find('s') != std::string_view::npos;
      no_root_password = no_root_password || w[i].find('g') != std::string_view::npos;
    }
  }
  if (no_password) return "dropbear with password login disabled (-s)";
  if (no_root_password) return "dropbear with password login allowed, but not for root (-g)";
  return "dropbear with password login allowed, root included (no -s or -g)";
}

void scan_command(std::string_view text, const Line& l, std::string_view how, bool shells_count,
                  fingerprint::SecurityFacts& out) {
  for (auto seg : segments(text)) {
    auto w = words(seg);
    std::size_t at = command_index(w);
    if (at >= w.size()) continue;
    std::string_view program = basename(w[at]);
    report::Service s{.line = l.number, .started = std::string(how), .text = std::string(trim(l.text))};
    if (const Daemon* d = find_daemon(program)) {
      s.name = std::string(d->service);
      if (d->service == "dropbear") s.details = dropbear_details(w, at + 1);
      out.services.push_back(std::move(s));
    } else if (shells_count && is_shell(w[at]) &&
               std::none_of(w.begin() + static_cast<long>(at) + 1, w.end(),
                            [](std::string_view x) { return !x.empty() && x.front() != '-'; })) {
      s.name = "console-shell";
      s.details = "shell without login";
      out.services.push_back(std::move(s));
    }
  }
}

std::string fmt_console(std::string_view action, const std::string& tty) {
  return std::string(action) + " shell without login on " + tty;
}

void parse_inittab(const std::vector<Line>& lines, fingerprint::SecurityFacts& out) {
  for (const auto& l : lines) {
    std::string_view t = trim(l.text);
    if (t.empty() || t.front() == '#') continue;
    // id:runlevels:action:process; the process may itself hold colons.
    std::size_t a = t.find(':'), b = a == std::string_view::npos ? a : t.find(':', a + 1);
    std::size_t c = b == std::string_view::npos ? b : t.find(':', b + 1);
    if (c == std::string_view::npos) continue;
    std::string_view id = t.substr(0, a), action = t.substr(b + 1, c - b - 1), process = t.substr(c + 1);
    bool interactive = action == "respawn" || action == "askfirst" || action == "askconsole" || action == "once";
    std::size_t before = out.services.size();
    scan_command(process, l, "inittab", interactive, out);
    for (std::size_t i = before; i < out.services.size(); ++i) {
      auto& s = out.services[i];
      if (s.name != "console-shell") continue;
      std::string tty = id.empty() ? "console" : std::string(id);
      s.details = fmt_console(action, tty);
    }
  }
}

/// inetd.conf: service socket protocol wait user server args; xinetd: "server = path".
void scan_inetd(std::string_view kind, std::string_view t, const Line& l, fingerprint::SecurityFacts& out) {
  std::string_view program;
  if (kind == "xinetd") {
    if (t.rfind("server", 0) != 0 || t.find('=') == std::string_view::npos) return;
    program = basename(trim(t.substr(t.find('=') + 1)));
  } else {
    auto w = words(t);
    if (w.size() < 6) return;
    program = basename(w[5]);
    if (program == "tcpd" && w.size() > 6) program = basename(w[6]);
  }
  if (const Daemon* d = find_daemon(program)) {
    out.services.push_back({.line = l.number,
                            .name = std::string(d->service),
                            .started = std::string(kind),
                            .details = "started on demand by " + std::string(kind),
                            .text = std::string(t)});
  }
}

}  // namespace

std::string_view init_file_kind(std::string_view path) {
  std::string_view name = basename(path);
  if (name == "inittab") return "inittab";
  if (name == "inetd.conf") return "inetd";
  if (path.find("/xinetd.d/") != std::string_view::npos) return "xinetd";
  if (name == "sshd_config") return "sshd-config";
  if (path.size() >= 20 && path.substr(path.size() - 20) == "/etc/config/dropbear") return "dropbear-config";
  if (name.size() > 8 && name.substr(name.size() - 8) == ".service") return "systemd";
  if (path.find("/etc/init.d/") != std::string_view::npos || path.find("/etc/rc.d/") != std::string_view::npos ||
      path.find("/etc/rc") != std::string_view::npos || name == "rcS" || name == "rc.local" || path == "/init" ||
      path == "/linuxrc") {
    return "rc";
  }
  return {};
}

fingerprint::SecurityFacts parse_init_file(std::string_view kind, ByteView data) {
  fingerprint::SecurityFacts out;
  if (kind.empty() || data.size() > kMaxInitFile || !looks_like_text(data)) return out;
  auto lines = split_lines(as_chars(data));
  if (kind == "inittab") {
    parse_inittab(lines, out);
  } else if (kind == "sshd-config" || kind == "dropbear-config") {
    out.ssh_settings = parse_ssh_settings(kind, lines);
  } else {
    for (const auto& l : lines) {
      std::string_view t = trim(l.text);
      if (t.empty() || t.front() == '#') continue;
      if (kind == "systemd") {
        if (t.rfind("ExecStart=", 0) != 0) continue;
        t = t.substr(10);
        while (!t.empty() && std::string_view("-@+!:").find(t.front()) != std::string_view::npos) t.remove_prefix(1);
        scan_command(t, l, "systemd", false, out);
      } else if (kind == "inetd" || kind == "xinetd") {
        scan_inetd(kind, t, l, out);
      } else {
        bool procd = t.find("procd_set_param") != std::string_view::npos;
        scan_command(t, l, procd ? "procd" : "rc-script", true, out);
      }
    }
  }
  return out;
}

}  // namespace pedigree::security
