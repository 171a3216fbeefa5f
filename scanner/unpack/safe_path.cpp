#include "scanner/unpack/safe_path.h"

#include <fmt/format.h>

namespace pedigree::unpack {
namespace {

constexpr std::size_t kMaxComponent = 255;
constexpr std::size_t kMaxComponents = 128;

std::vector<std::string_view> split(std::string_view p) {
  std::vector<std::string_view> parts;
  while (!p.empty()) {
    auto slash = p.find('/');
    auto part = p.substr(0, slash);
    if (!part.empty() && part != ".") parts.push_back(part);
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  return parts;
}

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s.substr(0, 200)) {
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

SanitizedPath sanitize_member_path(std::string_view raw) {
  SanitizedPath out;
  auto parts = split(raw);
  if (parts.size() > kMaxComponents) {
    out.refused = true;
    out.problems.push_back(fmt::format("refused '{}': more than {} path components", printable(raw), kMaxComponents));
    return out;
  }
  for (auto part : parts) {
    if (part == "..") {
      out.refused = true;
      out.problems.push_back(fmt::format("refused '{}': path climbs out of its container with '..'", printable(raw)));
      return out;
    }
    std::string clean;
    bool changed = false;
    for (unsigned char c : part) {
      bool bad = c < 0x20 || c == 0x7f || c == '\\';
      clean += bad ? '_' : static_cast<char>(c);
      changed = changed || bad;
    }
    if (clean.size() > kMaxComponent) {
      clean.resize(kMaxComponent);
      changed = true;
    }
    if (changed)
      out.problems.push_back(fmt::format("renamed '{}': control characters or over-long name", printable(raw)));
    out.path += '/';
    out.path += clean;
  }
  if (out.path.empty()) out.path = "/";
  return out;
}

std::string resolve_link_in_layer(std::string_view link_path, std::string_view target) {
  std::vector<std::string_view> stack;
  if (!target.starts_with('/')) {
    stack = split(link_path);
    if (!stack.empty()) stack.pop_back();  // the link's own name
  }
  for (auto part : split(target)) {
    if (part == "..") {
      if (stack.empty()) return {};
      stack.pop_back();
    } else {
      stack.push_back(part);
    }
  }
  std::string out;
  for (auto part : stack) {
    out += '/';
    out += part;
  }
  return out.empty() ? "/" : out;
}

}  // namespace pedigree::unpack
