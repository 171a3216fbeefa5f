#include "scanner/fingerprint/text_scan.h"

#include <algorithm>

namespace pedigree::fingerprint {

std::vector<std::size_t> find_all(std::string_view hay, std::string_view needle, std::size_t cap) {
  std::vector<std::size_t> out;
  if (needle.empty()) return out;
  std::size_t pos = hay.find(needle);
  while (pos != std::string_view::npos && out.size() < cap) {
    out.push_back(pos);
    pos = hay.find(needle, pos + 1);
  }
  return out;
}

std::string_view printable_run(std::string_view hay, std::size_t pos, std::size_t max) {
  if (pos >= hay.size()) return {};
  std::size_t end = pos;
  std::size_t limit = std::min(hay.size(), pos + max);
  while (end < limit && is_printable(hay[end])) ++end;
  return hay.substr(pos, end - pos);
}

std::size_t line_start(std::string_view hay, std::size_t pos, std::size_t max_back) {
  std::size_t start = pos;
  std::size_t floor = pos > max_back ? pos - max_back : 0;
  while (start > floor && hay[start - 1] != '\n' && hay[start - 1] != '\0' && hay[start - 1] != '\r') --start;
  return start;
}

std::string_view base_name(std::string_view path) {
  auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

}  // namespace pedigree::fingerprint
