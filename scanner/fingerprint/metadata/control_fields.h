// Package database stanzas as dpkg and opkg write them (deb-control(5)):
//
//   Package: busybox
//   Status: install ok installed
//   Version: 1:1.35.0-4+deb12u1
//   Source: busybox (1:1.35.0-4)       ← optional; may carry a version
//   Architecture: mipsel
//   Description: Tiny utilities ...
//    continuation lines start with a space or a tab
//   <blank line>                       ← ends the stanza
//
// /var/lib/dpkg/status, /var/lib/dpkg/status.d/* (distroless images),
// /usr/lib/opkg/status and /usr/lib/opkg/info/*.control all use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::fingerprint {

/// The fields of one stanza a fingerprint needs.
struct PackageRecord {
  std::string package;
  std::string version;
  std::string source;  ///< first word of Source: (dpkg) or SourceName: (opkg); may be empty
  std::string architecture;
  std::string status;        ///< empty when the file has no Status: field
  std::uint64_t offset = 0;  ///< byte offset of the stanza in the file
};

/// Every stanza that names a package. Lines without a colon, fields before
/// any Package: and binary garbage are skipped, never fatal.
std::vector<PackageRecord> parse_control_stanzas(std::string_view text);

/// True when the record is installed: no Status: field (control files,
/// distroless status.d), or a Status: whose last word is "installed".
bool is_installed(const PackageRecord& r);

}  // namespace pedigree::fingerprint
