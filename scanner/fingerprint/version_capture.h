// Reading a version number next to a rule match.
//
// A rule's `version` meta is a capture spec: one or more alternatives joined
// by " || ", tried in order. Each alternative is literal text with one `{v}`:
//
//   "BusyBox v{v}"                          → "1.35.0" from "BusyBox v1.35.0 (2023-…)"
//   "SMP Debian {v}- || Linux version {v}"  → "6.1.176" before "6.1.0"
//
// The text before `{v}` is searched for in the window (the bytes from the
// match to the end of its C string, bounded); `{v}` then reads a version
// token: a digit, then digits, letters and dots, with at least one dot,
// at most kMaxVersionLength characters and at most kMaxVersionLetters
// letters ("1.1.1w", "9.2p1", "2022.83"); a trailing dot is dropped. The
// text after `{v}`, if any, must follow the token at once. Anything else —
// a prefix not found, a token without a dot — captures nothing.
//
// `{0}` in the literal text stands for one NUL byte. A version kept as a C
// string of its own ("2.10\0\0\0\0hostapd v%s") is read with "{0}{v}{0}"
// from a match that spans it and the distinctive string next to it.
//
// Two other placeholders read other forms, one per alternative instead of `{v}`:
//   `{n}`    a dotless release number, 1 to kMaxNumberDigits digits
//            ("kmod version {n}{0}" → "30"); text must follow it in the spec,
//            since a bare number says nothing;
//   `{v-P}`  a version token as `{v}`, with its patch release "-P" and 1 to
//            kMaxPatchDigits digits kept when one follows ("4.4.3-P1").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pedigree::fingerprint {

inline constexpr std::size_t kMaxVersionLength = 32;
inline constexpr std::size_t kMaxVersionLetters = 4;
inline constexpr std::size_t kMaxNumberDigits = 4;
inline constexpr std::size_t kMaxPatchDigits = 2;

/// The version `spec` reads from `window`, or nullopt.
std::optional<std::string> capture_version(std::string_view spec, std::string_view window);

/// True when `spec` is well formed: every alternative holds exactly one
/// placeholder, and `{n}` has text after it.
bool valid_capture_spec(std::string_view spec);

}  // namespace pedigree::fingerprint
