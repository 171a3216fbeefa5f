// A flattened device tree checked for libfdt, shared by the dtb and fit
// formats and by the device-tree fingerprint helpers (dtb.h).
//
// libfdt reads a tree in place and wants it 8-byte aligned; a tree carved out
// of an image sits wherever it sits, so an unaligned tree is copied once.
// Every offset handed out is relative to the start of the tree, so callers
// slice their own Blob with it whether or not a copy was made.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree::unpack {

class FdtTree {
 public:
  /// Checks the tree at the start of `data` (header fields, version 16 or
  /// 17, blocks inside totalsize, a well-formed structure block) and makes it
  /// readable by libfdt. `data` may run past the tree.
  static Result<FdtTree> open(ByteView data);

  FdtTree(FdtTree&&) = default;
  FdtTree& operator=(FdtTree&&) = default;
  FdtTree(const FdtTree&) = delete;
  FdtTree& operator=(const FdtTree&) = delete;

  /// The tree as libfdt takes it.
  const void* fdt() const { return view_.data(); }
  /// totalsize from the header.
  std::uint64_t size() const { return view_.size(); }
  /// Offset from the start of the tree of a pointer libfdt returned into it.
  std::uint64_t offset_of(const void* p) const;

  /// Offset of the node at `path`, or a negative libfdt error.
  int node(const char* path) const;
  /// Property value bytes, or nullopt when the node lacks it.
  std::optional<ByteView> prop(int node, const char* name) const;
  /// A string property up to its first NUL, or nullopt.
  std::optional<std::string_view> prop_string(int node, const char* name) const;
  /// A one-cell (big-endian u32) property, or nullopt.
  std::optional<std::uint32_t> prop_u32(int node, const char* name) const;
  /// The node's name including any unit address.
  std::string_view name(int node) const;

 private:
  FdtTree() = default;
  std::vector<std::uint64_t> copy_;
  ByteView view_;
};

}  // namespace pedigree::unpack
