#include "cli/options.h"

#include <cctype>
#include <charconv>

namespace pedigree::cli {

std::optional<OutputSpec> parse_output_spec(const std::string& arg) {
  OutputSpec spec;
  auto eq = arg.find('=');
  spec.format = arg.substr(0, eq);
  if (eq != std::string::npos) spec.path = arg.substr(eq + 1);
  if (spec.format.empty() || (eq != std::string::npos && spec.path.empty())) return std::nullopt;
  return spec;
}

std::optional<std::uint64_t> parse_size(const std::string& text) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  int shift = 0;
  if (unit.empty()) {
    shift = 0;
  } else if (unit.size() <= 3) {
    switch (std::toupper(static_cast<unsigned char>(unit[0]))) {
      case 'K': shift = 10; break;
      case 'M': shift = 20; break;
      case 'G': shift = 30; break;
      case 'T': shift = 40; break;
      default: return std::nullopt;
    }
    if (unit.size() > 1 && unit.substr(1) != "B" && unit.substr(1) != "iB") return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (shift != 0 && value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

}  // namespace pedigree::cli
