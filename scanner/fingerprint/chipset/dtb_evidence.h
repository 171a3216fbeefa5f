// Chipset evidence from flattened device trees: the root node's compatible
// list and model, the compatible list of the SoC node (/soc, /soc@…), and the
// vendor prefix of every compatible ("ti" of "ti,am33xx"). A file that is a
// tree is read as one; any other file is searched for trees embedded in it
// (a kernel with an appended DTB, a flash dump, U-Boot with its control DTB),
// skipping trees that lie inside another tree (the blobs of a FIT image, which
// the unpacker hands over as files of their own).
#pragma once

#include <cstdint>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Most embedded trees read from one file.
inline constexpr std::size_t kMaxTreesPerFile = 64;

/// Evidence from the tree at the start of `data` (offsets are `base` plus the
/// property's offset in the tree); nothing when `data` is not a valid tree.
std::vector<report::ChipsetEvidence> device_tree_evidence(ByteView data, std::uint64_t base);

/// Evidence from every tree in `data`: at its start, or embedded.
std::vector<report::ChipsetEvidence> device_trees_in(ByteView data);

class DtbAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "device-tree"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
