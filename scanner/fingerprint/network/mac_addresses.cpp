#include "scanner/fingerprint/network/mac_addresses.h"

#include <set>

#include "scanner/fingerprint/text_scan.h"
#include "scanner/security/text_lines.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::size_t kMacChars = 17;  // "00:11:22:33:44:55"
/// How far back on its line a key may be ("option macaddr '").
constexpr std::size_t kMaxKeyDistance = 48;
/// Words of a key that holds a MAC address.
constexpr std::string_view kKeyWords[] = {"mac", "hwaddr", "ethaddr", "ether", "bssid"};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_mac_char(char c) { return hex_value(c) >= 0 || c == ':' || c == '-'; }

/// Addresses that identify no manufacturer.
bool is_meaningful(std::string_view mac) {
  int first = hex_value(mac[0]) * 16 + hex_value(mac[1]);
  if ((first & 0x01) != 0) return false;  // multicast, broadcast
  if ((first & 0x02) != 0) return false;  // locally administered
  return mac != "00:00:00:00:00:00";
}

/// The key before an address: the line's text up to it, without quotes and
/// separators, when it names a MAC-like key; else "".
std::string key_before(std::string_view text, std::size_t pos) {
  std::size_t start = line_start(text, pos, kMaxKeyDistance);
  std::string_view before = text.substr(start, pos - start);
  std::size_t end = before.find_last_not_of(" \t'\"=:");
  if (end == std::string_view::npos) return {};
  before = before.substr(0, end + 1);
  std::size_t first = before.find_first_not_of(" \t");
  before = before.substr(first);
  for (char c : before) {
    if (!is_printable(c)) return {};
  }
  std::string lower = ascii_lower(before);
  for (std::string_view word : kKeyWords) {
    if (lower.find(word) != std::string::npos) return std::string(before);
  }
  return {};
}

}  // namespace

std::string parse_mac(std::string_view s) {
  if (s.size() < kMacChars) return {};
  char sep = s[2];
  if (sep != ':' && sep != '-') return {};
  std::string out;
  for (std::size_t i = 0; i < kMacChars; ++i) {
    char c = s[i];
    if (i % 3 == 2) {
      if (c != sep) return {};
      out += ':';
    } else {
      if (hex_value(c) < 0) return {};
      out += c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return out;
}

std::vector<MacSighting> mac_addresses_in(std::string_view text) {
  std::vector<MacSighting> out;
  std::set<std::string> seen;
  for (std::size_t i = 2; i + 1 < text.size() && out.size() < kMaxMacsPerFile; ++i) {
    if (text[i] != ':' && text[i] != '-') continue;
    std::size_t pos = i - 2;
    if (pos > 0 && is_mac_char(text[pos - 1])) continue;
    if (pos + kMacChars < text.size() && is_mac_char(text[pos + kMacChars])) continue;
    std::string mac = parse_mac(text.substr(pos));
    if (mac.empty() || !is_meaningful(mac)) continue;
    std::string key = key_before(text, pos);
    if (key.empty() || !seen.insert(mac).second) continue;
    out.push_back({mac, key, {}, pos});
    i = pos + kMacChars - 1;
  }
  return out;
}

void MacAddressAnalyzer::analyze(const FileRef& file, Facts& out) const {
  bool binary = !security::looks_like_text(file.data);
  for (auto& m : mac_addresses_in(as_chars(file.data))) {
    m.origin = file.origin;
    m.binary = binary;
    out.macs.push_back(std::move(m));
  }
}

}  // namespace pedigree::fingerprint
