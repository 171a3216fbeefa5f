#include "scanner/fingerprint/naming/purl.h"

#include <algorithm>

namespace pedigree::fingerprint {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string purl_encode(std::string_view text, std::string_view keep) {
  std::string out;
  for (char c : text) {
    if (unreserved(c) || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xf];
    }
  }
  return out;
}

std::string format_purl(const Purl& p) {
  if (p.type.empty() || p.name.empty()) return {};
  std::string out = "pkg:" + lower(p.type) + "/";
  // Namespace segments are encoded one by one; empty segments are dropped.
  std::size_t start = 0;
  while (start <= p.ns.size() && !p.ns.empty()) {
    auto slash = p.ns.find('/', start);
    auto seg = std::string_view(p.ns).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!seg.empty()) out += purl_encode(seg) + "/";
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  out += purl_encode(p.name);
  if (!p.version.empty()) out += "@" + purl_encode(p.version, ":");
  auto qs = p.qualifiers;
  std::sort(qs.begin(), qs.end());
  char sep = '?';
  for (const auto& [k, v] : qs) {
    if (v.empty()) continue;
    out += sep + lower(k) + "=" + purl_encode(v, ":/");
    sep = '&';
  }
  return out;
}

}  // namespace pedigree::fingerprint
