// CPE 2.3 names in the formatted-string binding (NISTIR 7695):
//   cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other
// Thirteen `:`-separated fields; a backslash quotes the next character, so a
// `:` inside a value is written `\:`. A lone `*` is ANY and a lone `-` is NA.
// In this binding `.`, `-` and `_` are never quoted; every other character
// that is not a letter or digit is.
//
// Values are held unquoted (`sdbus-c++`, not `sdbus-c\+\+`); ANY and NA are
// held as the strings "*" and "-". A literal one-character value `*` or `-`
// therefore cannot be represented; the CPE dictionary has none.
#pragma once

#include <string>
#include <string_view>

#include "scanner/core/result.h"

namespace pedigree::db {

/// The value that means "any" in every attribute.
inline constexpr std::string_view kCpeAny = "*";
/// The value that means "not applicable".
inline constexpr std::string_view kCpeNa = "-";

/// One CPE 2.3 name or match string, attribute values unquoted.
struct Cpe {
  std::string part = "*";  ///< `a` application, `o` operating system, `h` hardware, or `*`
  std::string vendor = "*";
  std::string product = "*";
  std::string version = "*";
  std::string update = "*";
  std::string edition = "*";
  std::string language = "*";
  std::string sw_edition = "*";
  std::string target_sw = "*";
  std::string target_hw = "*";
  std::string other = "*";

  bool operator==(const Cpe&) const = default;
};

/// Parses a formatted string; an error names what is wrong with it.
Result<Cpe> parse_cpe(std::string_view text);

/// Formats a CPE back into the formatted-string binding, quoting as needed.
std::string format_cpe(const Cpe& cpe);

/// Quotes one attribute value for the formatted-string binding.
std::string quote_cpe_value(std::string_view value);

/// The version a match string names exactly: version, plus the update when it
/// is a real value (OpenSSH is listed as version `9.3` with update `p1`).
/// Returns "*" or "-" unchanged.
std::string cpe_exact_version(const Cpe& cpe);

}  // namespace pedigree::db
