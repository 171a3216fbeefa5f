#include "scanner/db/cpe.h"

#include <array>
#include <cstddef>

namespace pedigree::db {
namespace {

constexpr std::string_view kPrefix = "cpe:2.3:";
constexpr std::size_t kAttributes = 11;

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::array<std::string*, kAttributes> fields(Cpe& c) {
  return {&c.part,     &c.vendor,     &c.product,   &c.version,   &c.update, &c.edition,
          &c.language, &c.sw_edition, &c.target_sw, &c.target_hw, &c.other};
}

}  // namespace

Result<Cpe> parse_cpe(std::string_view text) {
  if (text.substr(0, kPrefix.size()) != kPrefix)
    return make_error(Errc::kBadMagic, "not a CPE 2.3 formatted string: " + std::string(text.substr(0, 40)));
  text.remove_prefix(kPrefix.size());
  Cpe cpe;
  auto out = fields(cpe);
  std::size_t index = 0;
  std::string value;
  auto finish = [&]() -> bool {
    if (index >= kAttributes) return false;
    if (value.empty()) return false;
    *out[index++] = std::move(value);
    value.clear();
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= text.size()) return make_error(Errc::kTruncated, "CPE ends inside a quoted character");
      value.push_back(text[++i]);
    } else if (c == ':') {
      if (!finish()) return make_error(Errc::kCorrupt, "CPE has an empty or extra attribute");
    } else {
      value.push_back(c);
    }
  }
  if (!finish() || index != kAttributes)
    return make_error(Errc::kCorrupt, "CPE 2.3 needs 11 attributes after cpe:2.3:");
  if (cpe.part != "a" && cpe.part != "o" && cpe.part != "h" && cpe.part != kCpeAny)
    return make_error(Errc::kCorrupt, "CPE part must be a, o, h or *, not " + cpe.part);
  return cpe;
}

std::string quote_cpe_value(std::string_view value) {
  if (value == kCpeAny || value == kCpeNa) return std::string(value);
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (!is_alnum(c) && c != '.' && c != '-' && c != '_' && static_cast<unsigned char>(c) < 0x80) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string format_cpe(const Cpe& cpe) {
  Cpe copy = cpe;
  std::string out(kPrefix);
  bool first = true;
  for (const std::string* f : fields(copy)) {
    if (!first) out.push_back(':');
    first = false;
    out += quote_cpe_value(*f);
  }
  return out;
}

std::string cpe_exact_version(const Cpe& cpe) {
  if (cpe.version == kCpeAny || cpe.version == kCpeNa) return cpe.version;
  if (cpe.update == kCpeAny || cpe.update == kCpeNa) return cpe.version;
  // `9.3` + `p1` reads as 9.3p1; a numeric update needs a separator to stay a new token.
  bool letter = !cpe.update.empty() && !(cpe.update[0] >= '0' && cpe.update[0] <= '9');
  return cpe.version + (letter ? "" : ".") + cpe.update;
}

}  // namespace pedigree::db
