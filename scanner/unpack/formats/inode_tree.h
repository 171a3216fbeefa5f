// Turns the inode graph of an inode-based flash file system (JFFS2, UBIFS)
// into sink members.
//
// Both file systems store directories as loose directory-entry records
// (parent inode, name, child inode) and describe every inode by a POSIX
// st_mode. Nothing in the media guarantees that these records form a tree: a
// damaged or hostile image can hold cycles, a directory with two parents,
// entries that name missing inodes, or inodes that no entry names. The
// emitter walks from the root once, visiting every directory at most once,
// emits further names of a non-directory as hard links, and emits whatever is
// left unreachable under "lost+found/ino-N" with a warning.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// One live directory entry: `name` inside directory `parent` is `child`.
struct TreeLink {
  std::uint64_t parent = 0;
  std::uint64_t child = 0;
  std::string name;
};

/// A file system as a graph: the st_mode (type and permission bits) of every
/// inode that exists, and the live directory entries.
struct InodeGraph {
  std::uint64_t root = 1;
  std::map<std::uint64_t, std::uint32_t> modes;
  std::vector<TreeLink> links;
};

/// Reads one inode's bytes: a regular file's contents or a symlink's target.
/// Decoding problems go to the sink as warnings; the result respects budget.
using ReadInode = std::function<Blob(std::uint64_t ino, const OutputBudget& budget, Sink& sink)>;

/// Emits every inode reachable from the root (the root itself is not a
/// member), then the unreachable ones. Returns false when the sink asked to
/// stop. `fs_name` prefixes the warnings ("jffs2", "ubifs").
bool emit_inode_graph(const InodeGraph& graph, const ReadInode& read, Sink& sink, std::string_view fs_name);

}  // namespace pedigree::unpack
