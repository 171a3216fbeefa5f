#include "scanner/fingerprint/network/host_names.h"

#include <charconv>

namespace pedigree::fingerprint {
namespace {

bool ends_with_label(std::string_view host, std::string_view suffix) {
  if (host == suffix) return true;
  return host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix &&
         host[host.size() - suffix.size() - 1] == '.';
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
  }
  return true;
}

}  // namespace

std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view s) {
  std::array<std::uint8_t, 4> out{};
  for (std::size_t i = 0; i < 4; ++i) {
    std::size_t end = i == 3 ? s.size() : s.find('.');
    if (end == std::string_view::npos || end == 0 || end > 3) return std::nullopt;
    unsigned v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + end, v);
    if (ec != std::errc() || p != s.data() + end || v > 255) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(v);
    s.remove_prefix(i == 3 ? end : end + 1);
  }
  return out;
}

bool is_public_ipv4(const std::array<std::uint8_t, 4>& ip) {
  const unsigned a = ip[0], b = ip[1], c = ip[2];
  if (a == 0 || a == 10 || a == 127 || a >= 224) return false;
  if (a == 100 && b >= 64 && b < 128) return false;  // shared address space
  if (a == 169 && b == 254) return false;
  if (a == 172 && b >= 16 && b < 32) return false;
  if (a == 192 && b == 168) return false;
  if (a == 192 && b == 0 && (c == 0 || c == 2)) return false;  // IETF, TEST-NET-1
  if (a == 198 && (b == 18 || b == 19)) return false;          // benchmarking
  if (a == 198 && b == 51 && c == 100) return false;           // TEST-NET-2
  if (a == 203 && b == 0 && c == 113) return false;            // TEST-NET-3
  return true;
}

bool is_dns_name(std::string_view host) {
  if (host.empty() || host.size() > kMaxHostName || host.find('.') == std::string_view::npos) return false;
  std::string_view last;
  while (!host.empty()) {
    auto dot = host.find('.');
    std::string_view label = host.substr(0, dot);
    if (!valid_label(label)) return false;
    last = label;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  for (char c : last) {
    if (!is_alpha(c)) return false;
  }
  return last.size() >= 2;
}

bool is_reserved_name(std::string_view host) {
  for (std::string_view name : {"example.com", "example.net", "example.org"}) {
    if (ends_with_label(host, name)) return true;
  }
  for (std::string_view tld : {"example", "test", "invalid", "localhost", "local", "lan", "home.arpa", "internal"}) {
    if (ends_with_label(host, tld)) return true;
  }
  return false;
}

}  // namespace pedigree::fingerprint
