#include "scanner/report/origin_path.h"

#include <fmt/format.h>

namespace pedigree::report {
namespace {

constexpr std::string_view kArrow = " \xE2\x86\x92 ";  // " → "

/// "x @0x40000 squashfs" → "x/0x40000.squashfs"; anything else unchanged.
std::string layer_segment(std::string_view seg) {
  auto at = seg.rfind(" @0x");
  if (at == std::string_view::npos) return std::string(seg);
  auto rest = seg.substr(at + 2);  // "0x40000 squashfs"
  auto space = rest.find(' ');
  if (space == std::string_view::npos) return std::string(seg);
  return fmt::format("{}/{}.{}", seg.substr(0, at), rest.substr(0, space), rest.substr(space + 1));
}

}  // namespace

std::string origin_to_path(std::string_view origin) {
  std::string out;
  while (true) {
    auto arrow = origin.find(kArrow);
    std::string_view seg = origin.substr(0, arrow);
    while (seg.starts_with('/')) seg.remove_prefix(1);
    if (!out.empty() && !seg.empty()) out += '/';
    out += layer_segment(seg);
    if (arrow == std::string_view::npos) break;
    origin.remove_prefix(arrow + kArrow.size());
  }
  return out;
}

std::string origin_to_uri(std::string_view origin) {
  std::string out;
  for (unsigned char c : origin_to_path(origin)) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace pedigree::report
