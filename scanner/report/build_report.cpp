#include "scanner/report/build_report.h"

#include <cmath>

namespace pedigree::report {
namespace {

using unpack::NodeKind;

void count_member(Counts& c, NodeKind k) {
  switch (k) {
    case NodeKind::kFile: ++c.files; break;
    case NodeKind::kDir: ++c.dirs; break;
    case NodeKind::kSymlink: ++c.symlinks; break;
    case NodeKind::kHardlink: ++c.hardlinks; break;
    case NodeKind::kSpecial: ++c.specials; break;
    default: break;
  }
}

// Three decimals are plenty and keep the JSON stable across libm versions.
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

void add_unpack_result(Report& report, const unpack::UnpackResult& result) {
  const auto& nodes = result.tree.nodes;
  auto kids = result.tree.children();
  Counts& c = report.counts;
  if (!nodes.empty()) report.image.format = nodes[0].format;
  for (std::uint32_t id = 1; id < nodes.size(); ++id) {  // 0 is the image itself
    const auto& n = nodes[id];
    c.max_depth = std::max(c.max_depth, n.depth);
    if (n.kind == NodeKind::kLayer) {
      ++c.layers;
      report.layers.push_back(
          {n.format, result.tree.origin(id), result.tree.origin(n.parent), n.offset, n.size, n.depth, kids[id].size()});
    } else if (n.kind == NodeKind::kUnknown) {
      (n.format == "padding" ? c.padding_bytes : c.unknown_bytes) += n.size;
      report.regions.push_back({result.tree.origin(n.parent), n.format, n.offset, n.size, round3(n.entropy)});
    } else {
      count_member(c, n.kind);
      report.files.push_back({result.tree.origin(id), n.path, unpack::to_string(n.kind), n.format, n.sha256,
                              n.link_target, n.size, n.mode, n.depth});
    }
  }
  c.bytes_extracted = result.bytes_out;
  for (const auto& w : result.warnings) report.warnings.push_back({w.kind, w.origin, w.message});
}

}  // namespace pedigree::report
