#include "scanner/unpack/tree.h"

#include <algorithm>

#include <fmt/format.h>

namespace pedigree::unpack {

const char* to_string(NodeKind k) {
  switch (k) {
    case NodeKind::kFile: return "file";
    case NodeKind::kDir: return "dir";
    case NodeKind::kSymlink: return "symlink";
    case NodeKind::kHardlink: return "hardlink";
    case NodeKind::kSpecial: return "special";
    case NodeKind::kLayer: return "layer";
    case NodeKind::kUnknown: return "unknown";
    case NodeKind::kRemoved: return "removed";
  }
  return "?";
}

std::string origin_of_chain(const std::vector<const Node*>& chain) {
  std::string out;
  for (const Node* n : chain) {
    switch (n->kind) {
      case NodeKind::kLayer: out += fmt::format(" @{:#x} {}", n->offset, n->format); break;
      case NodeKind::kUnknown: out += fmt::format(" @{:#x} {}", n->offset, n->format); break;
      default: out += out.empty() ? n->path : " → " + n->path;
    }
  }
  return out;
}

std::string Tree::origin(std::uint32_t id) const {
  std::vector<const Node*> chain;
  for (std::uint32_t i = id; i != kNoParent && i < nodes.size(); i = nodes[i].parent) chain.push_back(&nodes[i]);
  std::reverse(chain.begin(), chain.end());
  return origin_of_chain(chain);
}

std::vector<std::vector<std::uint32_t>> Tree::children() const {
  std::vector<std::vector<std::uint32_t>> kids(nodes.size());
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].parent != kNoParent) kids[nodes[i].parent].push_back(i);
  }
  for (auto& k : kids) {
    std::sort(k.begin(), k.end(), [&](auto a, auto b) { return nodes[a].ordinal < nodes[b].ordinal; });
  }
  return kids;
}

void Tree::canonicalize() {
  if (nodes.empty()) return;
  auto kids = children();
  std::vector<Node> out;
  out.reserve(nodes.size());
  // Iterative DFS: (old id, new parent id).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{0, kNoParent}};
  while (!stack.empty()) {
    auto [old_id, new_parent] = stack.back();
    stack.pop_back();
    if (nodes[old_id].kind == NodeKind::kRemoved) continue;
    auto new_id = static_cast<std::uint32_t>(out.size());
    out.push_back(std::move(nodes[old_id]));
    out.back().parent = new_parent;
    const auto& k = kids[old_id];
    for (auto it = k.rbegin(); it != k.rend(); ++it) stack.emplace_back(*it, new_id);
  }
  nodes = std::move(out);
}

}  // namespace pedigree::unpack
