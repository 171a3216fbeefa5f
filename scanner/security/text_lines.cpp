#include "scanner/security/text_lines.h"

#include <algorithm>

namespace pedigree::security {
namespace {

constexpr std::size_t kSniffBytes = 4096;
/// Control characters (other than tab, CR, LF, ESC) tolerated per sniffed KiB.
constexpr std::size_t kMaxControlPerKib = 2;

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<Line> split_lines(std::string_view text, std::size_t max_lines) {
  std::vector<Line> out;
  std::size_t start = 0;
  std::uint32_t n = 0;
  while (start < text.size() && out.size() < max_lines) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    out.push_back({++n, l});
    start = end + 1;
  }
  return out;
}

bool looks_like_text(ByteView data) {
  ByteView head = data.first(std::min(data.size(), kSniffBytes));
  if (head.empty()) return false;
  std::size_t control = 0;
  for (auto b : head) {
    if (b == 0) return false;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b) ++control;
  }
  return control <= kMaxControlPerKib * (head.size() / 1024 + 1);
}

}  // namespace pedigree::security
