// Version strings as firmware carries them, and their order.
//
// One comparator serves every source (NVD bounds, OSV events, the curated
// seed) because the versions being compared come from binaries, not from one
// package manager. A version is split into tokens at separators (`.`, `_`,
// `-`, `+`) and at digit/letter boundaries, and tokens are compared left to
// right:
//   - numbers numerically, of any length (dates such as dropbear `2022.83`);
//     a missing number counts as 0, so linux `5.10` equals `5.10.0`;
//   - pre-release words sort before the release: `dev` < `alpha`/`a` <
//     `beta`/`b` < `pre` < `rc`/`c` (a single `a`, `b` or `c` is a pre-release
//     only when a number follows it: `2.0b1`; otherwise it is a letter suffix);
//     a `~` makes what follows sort before everything, as in Debian;
//   - letter suffixes sort after the release and among themselves as strings,
//     which is OpenSSL's scheme: 1.0.2 < 1.0.2a < 1.0.2k < 1.0.2z < 1.0.2za;
//   - patch levels (`p`, `pl`, `patch`, `post`) sort after the release and
//     after letter suffixes, before the next number: OpenSSH 9.3 < 9.3p1 <
//     9.3p2 < 9.4.
// Letters are compared case-insensitively; a leading `v` before a digit is
// ignored.
//
// Package versions (`[epoch:]upstream[-revision]`, Debian and OpenWrt style)
// are split first: the upstream part is what vulnerability ranges talk about;
// the revision is kept because a distribution may have backported a fix.
#pragma once

#include <string>
#include <string_view>

namespace pedigree::db {

/// A package version split into its parts; only `upstream` is compared
/// against vulnerability ranges.
struct PackageVersion {
  std::string epoch;     ///< digits before the first `:`, empty if none
  std::string upstream;  ///< the upstream version, the match key
  std::string revision;  ///< distribution revision after the last `-`, empty if none
};

/// Splits `1:1.35.0-4+deb12u1` into epoch `1`, upstream `1.35.0`, revision
/// `4+deb12u1`. A trailing `-x` is taken as a revision only when it looks like
/// one (starts with a digit, e.g. `-1`, `-4+deb12u1`, `-1~deb12u2`, `-0ubuntu1`),
/// so `1.2.0-rc1` keeps its pre-release tag in the upstream part.
PackageVersion split_package_version(std::string_view version);

/// Compares two upstream versions: negative, zero or positive as a < b, a == b, a > b.
int compare_versions(std::string_view a, std::string_view b);

/// Compares two package versions part by part: epoch (numerically, absent is
/// 0), then upstream, then revision. For a distribution's own ranges (OSV
/// Debian/Alpine events), where the revision says whether a fix is in.
int compare_package_versions(std::string_view a, std::string_view b);

/// A short text key that never orders two versions against compare_versions:
/// compare_versions(a, b) <= 0 implies version_sort_key(a) <= version_sort_key(b)
/// (byte order). It encodes the leading numbers (up to four, six digits each,
/// larger ones clamped) and stops at the first token that is not a number, so
/// it is coarser than the comparator: equal keys say nothing. The database
/// indexes it to skip ranges that end below the version looked up.
std::string version_sort_key(std::string_view version);

/// Sorts after every version_sort_key: the key of an open upper bound.
inline constexpr std::string_view kVersionKeyMax = "~";

/// True when `version` carries a distribution revision (see split_package_version).
bool has_distro_revision(std::string_view version);

}  // namespace pedigree::db
