#include "scanner/unpack/layer_sink.h"

#include <fmt/format.h>

#include "scanner/unpack/safe_path.h"
#include "scanner/unpack/walker_impl.h"

namespace pedigree::unpack {
namespace {

NodeKind node_kind(EntryKind k) {
  switch (k) {
    case EntryKind::kFile: return NodeKind::kFile;
    case EntryKind::kDir: return NodeKind::kDir;
    case EntryKind::kSymlink: return NodeKind::kSymlink;
    case EntryKind::kHardlink: return NodeKind::kHardlink;
    case EntryKind::kSpecial: return NodeKind::kSpecial;
  }
  return NodeKind::kSpecial;
}

}  // namespace

bool LayerSink::add(Entry entry, Blob data) {
  if (walker_.out_of_time(layer_id_)) return false;
  if (walker_.limit_hit(Walker::LimitFlag::kFiles) || walker_.limit_hit(Walker::LimitFlag::kTotalBytes)) return false;
  SanitizedPath clean = sanitize_member_path(entry.path);
  for (auto& p : clean.problems) walker_.warn("unsafe-path", walker_.origin(layer_id_), std::move(p));
  if (clean.refused) return true;                                       // drop this member, keep the others
  if (clean.path == "/" && entry.kind == EntryKind::kDir) return true;  // the layer root itself
  if (!admit(entry, data)) return false;

  Node n;
  n.parent = layer_id_;
  n.ordinal = next_ordinal_++;
  n.kind = node_kind(entry.kind);
  n.path = std::move(clean.path);
  n.mode = entry.mode & 07777;
  n.link_target = std::move(entry.link_target);
  n.offset = entry.offset == kNoOffset ? 0 : entry.offset;
  n.size = data.size();
  n.depth = depth_;
  std::uint32_t id = walker_.add_node(std::move(n));
  ++members_;
  if (entry.kind == EntryKind::kFile) {
    walker_.schedule_file(id, std::move(data), depth_);
  } else {
    walker_.visit(id, Blob());
  }
  return true;
}

bool LayerSink::admit(const Entry& entry, Blob& data) {
  const Limits& limits = walker_.limits();
  if (walker_.files().fetch_add(1) + 1 > limits.max_files) {
    walker_.warn_once(Walker::LimitFlag::kFiles, layer_id_,
                      fmt::format("file count limit of {} reached: remaining members not extracted", limits.max_files));
    return false;
  }
  if (entry.kind != EntryKind::kFile) return true;
  if (data.size() > limits.max_file_bytes) {
    walker_.warn("limit", walker_.origin(layer_id_),
                 fmt::format("{}: {} bytes exceed the per-file limit; kept the first {}", entry.path, data.size(),
                             limits.max_file_bytes));
    data = data.sub(0, limits.max_file_bytes);
  }
  if (walker_.bytes_out().fetch_add(data.size()) + data.size() > limits.max_total_bytes) {
    walker_.warn_once(
        Walker::LimitFlag::kTotalBytes, layer_id_,
        fmt::format("total output limit of {} bytes reached: remaining members not extracted", limits.max_total_bytes));
    return false;
  }
  return true;
}

void LayerSink::warn(std::string message) { walker_.warn("parse", walker_.origin(layer_id_), std::move(message)); }

OutputBudget LayerSink::budget() const { return walker_.budget(); }

}  // namespace pedigree::unpack
