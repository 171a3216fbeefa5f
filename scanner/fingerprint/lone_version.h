// Reading a library's version from a version string that stands alone.
//
// Many libraries keep their version as a C string of its own ("6.2.1"), with
// nothing distinctive beside it: `gmp_version`, `nghttp2_version()`'s
// string, `uv_version_string()`. Such a string proves nothing anywhere else,
// but in a file that is positively the library (its name is one of the rule's
// `files`, and the rule's own strings matched) the one version of the
// library's release series found in the file is its version.
//
// A rule's `lone_version` meta is the series pattern: dot-separated fields,
// the first digits (the major release), each other digits or `*` (1 to
// kMaxLoneFieldDigits digits): "6.*.*" reads "6.2.1", not "6.2" nor
// "16.2.1". A candidate starts after a byte that cannot be part of a version
// (not a letter, digit, '.', '-', '_' or '+') and ends at a NUL, or, when the
// pattern has a space, at the literal text after it ("8.* 20" reads "8.39"
// from "8.39 2016-06-14"). Alternatives joined by " || " name several
// series ("5.* || 6.*"). The whole file is searched, for every alternative;
// if the candidates differ, the file has no version.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pedigree::fingerprint {

/// Digits a `*` field of a lone version pattern reads at most.
inline constexpr std::size_t kMaxLoneFieldDigits = 3;

/// The one version of `pattern`'s series in `data`; nullopt when there is
/// none, when the candidates differ, or when `pattern` is not well formed.
/// `offset` receives where the first candidate starts.
std::optional<std::string> lone_version(std::string_view pattern, std::string_view data, std::size_t* offset = nullptr);

/// True when every alternative of `pattern` is well formed: a digits field,
/// then at least one more field, then optionally a space and non-empty text.
bool valid_lone_pattern(std::string_view pattern);

}  // namespace pedigree::fingerprint
