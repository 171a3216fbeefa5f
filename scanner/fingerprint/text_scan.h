// Small helpers for finding text inside arbitrary bytes (binaries, flash
// dumps, configuration files): every occurrence of an anchor, and the
// printable run of characters around a position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::fingerprint {

/// Longest printable run returned by printable_run, so one huge text file
/// cannot make a single fact unbounded.
inline constexpr std::size_t kMaxRun = 256;

/// Offsets of every occurrence of `needle` in `hay`, in order, at most `cap`.
std::vector<std::size_t> find_all(std::string_view hay, std::string_view needle, std::size_t cap);

/// True for the bytes a string in a binary is made of (printable ASCII and tab).
inline bool is_printable(char c) { return (c >= 0x20 && c < 0x7f) || c == '\t'; }

/// The printable characters from `pos` forward, at most `max` of them.
std::string_view printable_run(std::string_view hay, std::size_t pos, std::size_t max = kMaxRun);

/// Where the line or string holding `pos` starts: after the last newline or
/// NUL before it, at most `max_back` bytes back.
std::size_t line_start(std::string_view hay, std::size_t pos, std::size_t max_back);

/// The last '/'-separated part of a path.
std::string_view base_name(std::string_view path);

/// `s` in ASCII lower case.
std::string ascii_lower(std::string_view s);

}  // namespace pedigree::fingerprint
