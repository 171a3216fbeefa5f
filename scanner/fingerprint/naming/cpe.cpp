#include "scanner/fingerprint/naming/cpe.h"

namespace pedigree::fingerprint {
namespace {

bool unquoted(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'; }

}  // namespace

std::string cpe_escape(std::string_view value) {
  if (value.empty()) return "*";
  std::string out;
  for (char c : value) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!unquoted(c)) out += '\\';
    out += c;
  }
  return out;
}

std::string format_cpe(char part, std::string_view vendor, std::string_view product, std::string_view version) {
  if (vendor.empty() || product.empty()) return {};
  std::string out = "cpe:2.3:";
  out += part;
  for (auto v : {vendor, product, version}) {
    out += ':';
    out += cpe_escape(v);
  }
  out += ":*:*:*:*:*:*:*";
  return out;
}

}  // namespace pedigree::fingerprint
