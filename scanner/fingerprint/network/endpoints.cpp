#include "scanner/fingerprint/network/endpoints.h"

#include <array>
#include <set>

#include "scanner/fingerprint/network/host_names.h"
#include "scanner/fingerprint/network/public_suffix.h"
#include "scanner/fingerprint/text_scan.h"
#include "scanner/security/text_lines.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kSchemes[] = {"http", "https", "mqtt", "mqtts", "ws",   "wss", "ftp",
                                         "ftps", "tftp",  "coap", "coaps", "rtsp", "ntp", "sftp"};
constexpr std::size_t kMaxScheme = 5;
/// Words of a key whose value is a server.
constexpr std::string_view kServerKeys[] = {"server", "host", "broker", "url", "ntp", "endpoint", "cloud", "domain"};
/// How far back on its line a key may be.
constexpr std::size_t kMaxKeyDistance = 48;

/// Letters, digits, '-' and '.': a table, since every byte of every file is tested.
constexpr std::array<bool, 256> kHostChars = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  return t;
}();

bool is_host_char(char c) { return kHostChars[static_cast<unsigned char>(c)]; }

/// The characters that may end a key before its value ("server=", "host: ").
constexpr std::array<bool, 256> kKeyEnds = [] {
  std::array<bool, 256> t{};
  for (char c : std::string_view("= '\"\t:")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

bool ends_key(char c) { return kKeyEnds[static_cast<unsigned char>(c)]; }

/// Characters that end a URL written in text or a binary.
bool ends_url(char c) {
  return !is_printable(c) || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

/// A sighting for `host` when it is a public DNS name or IPv4 address.
std::optional<EndpointSighting> classify(std::string host_in) {
  std::string host = ascii_lower(host_in);
  while (!host.empty() && host.back() == '.') host.pop_back();
  EndpointSighting s;
  s.host = host;
  if (auto ip = parse_ipv4(host)) {
    if (!is_public_ipv4(*ip)) return std::nullopt;
    s.kind = "ip";
    return s;
  }
  // A name under no known public suffix ("server.pem", "www.oC") is a file
  // name or noise, not a host.
  if (!is_dns_name(host) || is_reserved_name(host) || registrable_domain(host).empty()) return std::nullopt;
  s.kind = "host";
  return s;
}

std::optional<EndpointSighting> url_at(std::string_view text, std::size_t sep) {
  std::size_t start = sep;
  while (start > 0 && sep - start < kMaxScheme && text[start - 1] >= 'a' && text[start - 1] <= 'z') --start;
  std::string_view scheme = text.substr(start, sep - start);
  bool known = false;
  for (auto s : kSchemes) known = known || s == scheme;
  if (!known) return std::nullopt;
  std::string_view url = text.substr(start, kMaxRun);
  std::size_t end = 0;
  while (end < url.size() && !ends_url(url[end])) ++end;
  url = url.substr(0, end);
  if (url.find('%') != std::string_view::npos) return std::nullopt;  // a format string
  std::string_view rest = url.substr(scheme.size() + 3);
  auto at = rest.find('@');
  auto path = rest.find_first_of("/?#");
  if (at != std::string_view::npos && at < path) rest.remove_prefix(at + 1);
  std::size_t host_end = 0;
  while (host_end < rest.size() && is_host_char(rest[host_end])) ++host_end;
  auto s = classify(std::string(rest.substr(0, host_end)));
  if (!s) return std::nullopt;
  s->value = std::string(url);
  s->scheme = std::string(scheme);
  s->kind = "url";
  s->offset = start;
  return s;
}

/// The value after a server-like key on the line of `pos`, when `pos` starts one.
bool after_server_key(std::string_view text, std::size_t pos) {
  // The byte before the value decides most cases (in a binary it is mostly NUL): test it first.
  if (pos == 0 || !ends_key(text[pos - 1])) return false;
  std::size_t start = line_start(text, pos, kMaxKeyDistance);
  std::string key = ascii_lower(text.substr(start, pos - start));
  if (key.empty() || key.find("://") != std::string::npos) return false;
  for (auto word : kServerKeys) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

void add(std::vector<EndpointSighting>& out, std::set<std::string>& seen, EndpointSighting s) {
  if (out.size() < kMaxEndpointsPerFile && seen.insert(s.value).second) out.push_back(std::move(s));
}

}  // namespace

std::vector<EndpointSighting> endpoints_in(std::string_view text) {
  std::vector<EndpointSighting> out;
  std::set<std::string> seen;
  for (std::size_t sep : find_all(text, "://", kMaxEndpointsPerFile * 8)) {
    if (auto s = url_at(text, sep)) add(out, seen, std::move(*s));
  }
  // Bare hosts: a run of host characters right after a server-like key. The
  // key's last character is never a host character, so it starts the run.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!ends_key(text[i - 1]) || !is_host_char(text[i])) continue;
    std::size_t end = i;
    while (end < text.size() && end - i < kMaxHostName && is_host_char(text[end])) ++end;
    std::string_view token = text.substr(i, end - i);
    bool dotted = token.find('.') != std::string_view::npos;
    if (dotted && after_server_key(text, i)) {
      if (auto s = classify(std::string(token))) {
        s->value = s->host;
        s->offset = i;
        add(out, seen, std::move(*s));
      }
    }
    i = end;
  }
  return out;
}

void EndpointAnalyzer::analyze(const FileRef& file, Facts& out) const {
  bool binary = !security::looks_like_text(file.data);
  for (auto& e : endpoints_in(as_chars(file.data))) {
    e.origin = file.origin;
    e.binary = binary;
    out.endpoints.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
