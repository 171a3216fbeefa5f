// The unpacked file tree: every layer, member and unknown region of an image.
//
// Nodes form a tree: the image file is the root; a file holds layers (a
// format instance at an offset) and unknown regions; a layer holds members
// (files, directories, links, device nodes), whose files hold layers again.
// Every node can say where it came from (its origin chain), which every later
// fact cites as evidence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pedigree::unpack {

inline constexpr std::uint32_t kNoParent = UINT32_MAX;

enum class NodeKind { kFile, kDir, kSymlink, kHardlink, kSpecial, kLayer, kUnknown, kRemoved };

struct Node {
  std::uint32_t parent = kNoParent;
  std::uint32_t ordinal = 0;  ///< position among the parent's children (emission order)
  NodeKind kind = NodeKind::kFile;
  std::string path;          ///< members: '/'-rooted path inside their layer; root: image name
  std::string format;        ///< layers: format; files: the format a whole file was identified as
  std::uint64_t offset = 0;  ///< layers, regions: offset in the parent file
  std::uint64_t size = 0;
  std::uint32_t mode = 0;
  std::string link_target;
  std::string sha256;       ///< files
  double entropy = 0.0;     ///< unknown regions
  std::uint32_t depth = 0;  ///< layers between the image and this node
};

const char* to_string(NodeKind k);

class Tree {
 public:
  std::vector<Node> nodes;

  /// "image.bin @0x4b0000 squashfs → /usr/sbin/dropbear"
  std::string origin(std::uint32_t id) const;
  /// Children of every node, in ordinal order.
  std::vector<std::vector<std::uint32_t>> children() const;
  /// Renumbers nodes depth-first in ordinal order and drops removed ones, so
  /// that the same image gives the same tree whatever the thread timing.
  void canonicalize();
};

/// Origin text of a chain of nodes, root first.
std::string origin_of_chain(const std::vector<const Node*>& chain);

}  // namespace pedigree::unpack
