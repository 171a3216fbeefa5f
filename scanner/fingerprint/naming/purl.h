// Package URLs (purl specification): pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pedigree::fingerprint {

struct Purl {
  std::string type;  ///< deb, opkg, generic, ...
  std::string ns;    ///< namespace, e.g. "debian"; may be empty
  std::string name;
  std::string version;                                          ///< may be empty
  std::vector<std::pair<std::string, std::string>> qualifiers;  ///< e.g. {"arch", "mipsel"}
};

/// Percent-encodes every byte outside A-Z a-z 0-9 - . _ ~ and those in `keep`.
std::string purl_encode(std::string_view text, std::string_view keep = {});

/// The canonical string: type lower case, namespace segments and name
/// percent-encoded, version encoded except ':', qualifiers sorted by key and
/// those with empty values left out. Empty when type or name is.
std::string format_purl(const Purl& p);

}  // namespace pedigree::fingerprint
