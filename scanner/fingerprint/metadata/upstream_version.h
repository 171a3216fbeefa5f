// Packaged versions → upstream versions, the key vulnerability data is
// matched on. The packaged version is kept too (distro_version): its revision
// says fixes may have been backported.
//
//   dpkg       [EPOCH:]UPSTREAM[-REVISION]   1:1.35.0-4+deb12u1 → 1.35.0
//              repack tags are dropped:      2.12.1+dfsg-5 → 2.12.1, 1:1.2.13.dfsg-1 → 1.2.13
//              "+really" names the real one: 2.0+really1.9-1 → 1.9
//   opkg       [EPOCH:]UPSTREAM[-rN|-N]      1.36.1-r2 → 1.36.1
//   Yocto      UPSTREAM-rN                   3.1.4-r0 → 3.1.4
//   Buildroot  UPSTREAM                      unchanged
#pragma once

#include <string>
#include <string_view>

namespace pedigree::fingerprint {

enum class VersionScheme { kDpkg, kOpkg, kYocto, kPlain };

/// The upstream part of a packaged version; empty when nothing is left.
std::string upstream_version(std::string_view packaged, VersionScheme scheme);

}  // namespace pedigree::fingerprint
