// Line splitting for the text parsers of scanner/security (accounts, configs,
// init scripts): bounded, with line numbers, tolerant of CR LF.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::security {

struct Line {
  std::uint32_t number = 0;  ///< 1-based
  std::string_view text;     ///< without the line break; trailing CR and blanks removed
};

/// Most lines a text parser reads from one file.
inline constexpr std::size_t kMaxLines = 20000;

std::vector<Line> split_lines(std::string_view text, std::size_t max_lines = kMaxLines);

/// True when the first bytes hold no NUL and few control characters.
bool looks_like_text(ByteView data);

/// The string without leading and trailing blanks.
std::string_view trim(std::string_view s);

}  // namespace pedigree::security
