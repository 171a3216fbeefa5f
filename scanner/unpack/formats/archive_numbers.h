// ASCII number fields of the Unix archive headers (tar and odc cpio use
// octal, newc cpio hex, ar decimal), parsed for the structural walks.
#pragma once

#include <cstdint>
#include <optional>

#include "scanner/core/bytes.h"

namespace pedigree::unpack {

/// How a fixed-width field may be padded around its digits.
enum class FieldPadding {
  kNone,    ///< every byte is a digit (cpio)
  kPadded,  ///< leading spaces, then digits, then only spaces or NULs (tar, ar)
};

/// The unsigned number in `base` (8, 10 or 16) that fills `field`; nullopt
/// for an empty field, a stray character or a value past 64 bits.
inline std::optional<std::uint64_t> parse_ascii_number(ByteView field, unsigned base, FieldPadding padding) {
  std::size_t i = 0;
  if (padding == FieldPadding::kPadded) {
    while (i < field.size() && field[i] == ' ') ++i;
  }
  std::uint64_t value = 0;
  std::size_t digits = 0;
  for (; i < field.size(); ++i, ++digits) {
    unsigned c = field[i];
    unsigned d = c >= '0' && c <= '9'   ? c - '0'
                 : c >= 'a' && c <= 'f' ? c - 'a' + 10
                 : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                        : 99;
    if (d >= base) break;
    if (value > (UINT64_MAX - d) / base) return std::nullopt;
    value = value * base + d;
  }
  if (digits == 0) return std::nullopt;
  for (; i < field.size(); ++i) {
    if (padding == FieldPadding::kNone || (field[i] != ' ' && field[i] != '\0')) return std::nullopt;
  }
  return value;
}

/// True when every byte of `b` is zero.
inline bool all_zero(ByteView b) {
  for (auto c : b) {
    if (c != 0) return false;
  }
  return true;
}

}  // namespace pedigree::unpack
