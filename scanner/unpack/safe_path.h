// Sanitising member paths taken from untrusted containers.
//
// A member path is reduced to '/'-separated components inside its layer: no
// '..', no empty or '.' components, no control characters, no component
// longer than a file system allows. Whatever had to change is reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pedigree::unpack {

struct SanitizedPath {
  std::string path;                   ///< '/'-rooted; "/" for the layer root itself
  bool refused = false;               ///< the member must not be kept
  std::vector<std::string> problems;  ///< what was changed or why refused
};

SanitizedPath sanitize_member_path(std::string_view raw);

/// Resolves a symlink target stored in a layer against the link's own path,
/// lexically. Returns the '/'-rooted path inside the layer, or an empty
/// string when the target climbs out of the layer root.
std::string resolve_link_in_layer(std::string_view link_path, std::string_view target);

}  // namespace pedigree::unpack
