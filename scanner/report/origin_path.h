// An origin chain as a path: "image.bin @0x40000 squashfs → /usr/sbin/dropbear"
// becomes "image.bin/0x40000.squashfs/usr/sbin/dropbear" — the layout that
// `pedigree extract` writes, so a path in a report can be found on disk.
#pragma once

#include <string>
#include <string_view>

namespace pedigree::report {

/// The path form of an origin chain.
std::string origin_to_path(std::string_view origin);

/// The same, percent-encoded as a relative URI reference (RFC 3986): every
/// byte outside unreserved characters and '/' is escaped.
std::string origin_to_uri(std::string_view origin);

}  // namespace pedigree::report
