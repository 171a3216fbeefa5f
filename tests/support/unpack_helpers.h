// One-line helpers to unpack in-memory images in tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "scanner/unpack/walker.h"

namespace pedigree::test {

inline unpack::UnpackResult unpack_bytes(std::string bytes, Limits limits = {}, std::string name = "image.bin") {
  return unpack::unpack_image(Blob::from_string(bytes), std::move(name), limits, nullptr);
}

/// Member paths (files, dirs, links) in tree order.
inline std::vector<std::string> member_paths(const unpack::UnpackResult& r) {
  std::vector<std::string> out;
  for (const auto& n : r.tree.nodes) {
    if (n.parent != unpack::kNoParent && n.kind != unpack::NodeKind::kLayer && n.kind != unpack::NodeKind::kUnknown) {
      out.push_back(n.path);
    }
  }
  return out;
}

inline bool has_warning(const unpack::UnpackResult& r, std::string_view kind, std::string_view text = {}) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const unpack::Warning& w) {
    return w.kind == kind && w.message.find(text) != std::string::npos;
  });
}

inline const unpack::Node* find_member(const unpack::UnpackResult& r, std::string_view path) {
  for (const auto& n : r.tree.nodes) {
    if (n.parent != unpack::kNoParent && n.path == path) return &n;
  }
  return nullptr;
}

/// gzip of the bytes, via zlib (level 6, no stored name).
std::string gzip(std::string_view bytes);
/// A tar (pax) built with libarchive from (path, content) files.
struct TarMember {
  std::string path;
  std::string content;
  unsigned mode = 0644;
  std::string symlink;  ///< non-empty: a symlink to this target
};
std::string make_tar(const std::vector<TarMember>& members);

}  // namespace pedigree::test
