#include "scanner/unpack/formats/inode_tree.h"

#include <chrono>
#include <set>
#include <utility>

namespace pedigree::unpack {
namespace {

constexpr std::uint32_t kTypeMask = 0170000, kTypeDir = 0040000, kTypeReg = 0100000, kTypeLink = 0120000;
constexpr std::uint32_t kPermMask = 07777;
// Deeper trees are never legitimate and would only grow paths without bound.
constexpr std::size_t kMaxDepth = 256;
constexpr std::uint64_t kMaxLinkTarget = 4096;
// A damaged image can produce one complaint per inode; the first few say enough.
constexpr std::size_t kMaxDetailedWarnings = 20;
constexpr std::string_view kLostFound = "lost+found";

class GraphEmitter {
 public:
  GraphEmitter(const InodeGraph& g, const ReadInode& read, Sink& sink, std::string_view fs)
      : graph_(g), read_(read), sink_(sink), fs_(fs) {
    for (const auto& link : g.links) children_.emplace(link.parent, &link);
  }

  bool run() {
    visited_dirs_.insert(graph_.root);
    if (!walk(graph_.root, "")) return false;
    if (!emit_orphans()) return false;
    if (suppressed_ > 0) {
      sink_.warn(std::string(fs_) + ": " + std::to_string(suppressed_) + " further inode problems not listed");
    }
    return true;
  }

 private:
  struct Pending {
    std::uint64_t dir;
    std::string path;
    std::size_t depth;
  };

  void warn(std::string message) {
    if (warnings_ >= kMaxDetailedWarnings) {
      ++suppressed_;
      return;
    }
    ++warnings_;
    sink_.warn(std::string(fs_) + ": " + std::move(message));
  }

  bool reached(std::uint64_t ino) const { return visited_dirs_.count(ino) != 0 || first_path_.count(ino) != 0; }

  // Depth-first walk with an explicit stack: a hostile image cannot overflow ours.
  bool walk(std::uint64_t start, std::string start_path) {
    std::vector<Pending> stack{{start, std::move(start_path), 0}};
    while (!stack.empty()) {
      Pending cur = std::move(stack.back());
      stack.pop_back();
      auto [lo, hi] = children_.equal_range(cur.dir);
      std::map<std::string_view, const TreeLink*> sorted;
      for (auto it = lo; it != hi; ++it) sorted.emplace(it->second->name, it->second);
      for (const auto& [name, link] : sorted) {
        std::string path = cur.path.empty() ? std::string(name) : cur.path + "/" + std::string(name);
        if (!emit_link(*link, path, cur.depth, stack)) return false;
      }
    }
    return true;
  }

  bool emit_link(const TreeLink& link, const std::string& path, std::size_t depth, std::vector<Pending>& stack) {
    if (link.name.empty()) {
      warn("empty name in directory inode " + std::to_string(link.parent) + " skipped");
      return true;
    }
    auto mode = graph_.modes.find(link.child);
    if (mode == graph_.modes.end()) {
      warn(path + " names inode " + std::to_string(link.child) + ", which has no inode record; skipped");
      return true;
    }
    if ((mode->second & kTypeMask) != kTypeDir) return emit_inode(link.child, mode->second, path);
    if (!visited_dirs_.insert(link.child).second) {
      warn("directory inode " + std::to_string(link.child) + " reached again at " + path +
           " (cycle or second parent); skipped");
      return true;
    }
    if (!add({path, EntryKind::kDir, mode->second & kPermMask, {}, kNoOffset}, Blob())) return false;
    if (depth + 1 >= kMaxDepth) {
      warn(path + ": directory nesting deeper than " + std::to_string(kMaxDepth) + "; contents skipped");
      return true;
    }
    stack.push_back({link.child, path, depth + 1});
    return true;
  }

  bool emit_inode(std::uint64_t ino, std::uint32_t mode, const std::string& path) {
    auto first = first_path_.find(ino);
    if (first != first_path_.end()) {
      return add({path, EntryKind::kHardlink, mode & kPermMask, first->second, kNoOffset}, Blob());
    }
    first_path_.emplace(ino, path);
    Entry e{path, EntryKind::kFile, mode & kPermMask, {}, kNoOffset};
    std::uint32_t type = mode & kTypeMask;
    if (type == kTypeReg) return add(std::move(e), read_(ino, sink_.budget(), sink_));
    if (type == kTypeLink) {
      OutputBudget b = sink_.budget();
      b.max_bytes = std::min(b.max_bytes, kMaxLinkTarget);
      Blob target = read_(ino, b, sink_);
      e.kind = EntryKind::kSymlink;
      e.link_target = std::string(as_chars(target.view()));
      return add(std::move(e), Blob());
    }
    e.kind = EntryKind::kSpecial;
    return add(std::move(e), Blob());
  }

  bool add(Entry e, Blob data) {
    if (std::chrono::steady_clock::now() > sink_.budget().deadline) {
      sink_.warn(std::string(fs_) + ": time limit reached; remaining members skipped");
      return false;
    }
    return sink_.add(std::move(e), std::move(data));
  }

  // Orphans whose parent is unknown first, so that an orphaned subtree keeps
  // its shape; then whatever only a cycle still holds.
  bool emit_orphans() {
    std::set<std::uint64_t> has_known_parent;
    for (const auto& link : graph_.links) {
      if (graph_.modes.count(link.parent) != 0) has_known_parent.insert(link.child);
    }
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& [ino, mode] : graph_.modes) {
        if (reached(ino) || (pass == 0 && has_known_parent.count(ino) != 0)) continue;
        if (!emit_orphan(ino, mode)) return false;
      }
    }
    return true;
  }

  bool emit_orphan(std::uint64_t ino, std::uint32_t mode) {
    if (!lost_found_done_) {
      lost_found_done_ = true;
      bool exists = false;
      for (auto [lo, hi] = children_.equal_range(graph_.root); lo != hi; ++lo) {
        exists = exists || lo->second->name == kLostFound;
      }
      if (!exists && !add({std::string(kLostFound), EntryKind::kDir, 0700, {}, kNoOffset}, Blob())) return false;
    }
    std::string path = std::string(kLostFound) + "/ino-" + std::to_string(ino);
    warn("inode " + std::to_string(ino) + " is not reachable from the root; emitted as " + path);
    if ((mode & kTypeMask) != kTypeDir) return emit_inode(ino, mode, path);
    visited_dirs_.insert(ino);
    if (!add({path, EntryKind::kDir, mode & kPermMask, {}, kNoOffset}, Blob())) return false;
    return walk(ino, path);
  }

  const InodeGraph& graph_;
  const ReadInode& read_;
  Sink& sink_;
  std::string_view fs_;
  std::multimap<std::uint64_t, const TreeLink*> children_;
  std::set<std::uint64_t> visited_dirs_;
  std::map<std::uint64_t, std::string> first_path_;
  bool lost_found_done_ = false;
  std::size_t warnings_ = 0;
  std::size_t suppressed_ = 0;
};

}  // namespace

bool emit_inode_graph(const InodeGraph& graph, const ReadInode& read, Sink& sink, std::string_view fs_name) {
  return GraphEmitter(graph, read, sink, fs_name).run();
}

}  // namespace pedigree::unpack
