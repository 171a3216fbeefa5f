// Flattened device tree (DTB), as the kernel and U-Boot read it. A 40-byte
// big-endian header:
//
//    0  magic d0 0d fe ed          4  totalsize (the whole tree)
//    8  offset of the structure block
//   12  offset of the strings block
//   16  offset of the memory reservation map
//   20  version (16 or 17)        24  last compatible version
//   28  boot CPU id               32  size of the strings block
//   36  size of the structure block (version 17)
//
// The structure block is a sequence of BEGIN_NODE / PROP / END_NODE tokens;
// property names live in the strings block. A plain DTB is a leaf: it is
// identified (the chipset fingerprints read it) and has no members. A tree
// with an /images node is a FIT image, which the fit format extracts.
#include "scanner/unpack/formats/dtb.h"

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/fdt_tree.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\xd0\x0d\xfe\xed", 0}};

class Dtb final : public Format {
 public:
  std::string_view name() const override { return "dtb"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto tree = FdtTree::open(data);
    if (!tree) return tree.error();
    if (tree->node("/images") >= 0) return make_error(Errc::kBadMagic, "device tree with /images is a FIT image");
    return tree->size();
  }

  Result<std::uint64_t> extract(const Blob& data, Sink&) const override {
    auto tree = FdtTree::open(data.view());
    if (!tree) return tree.error();
    return tree->size();
  }
};

}  // namespace

const Format& dtb_format() {
  static const Dtb kFormat;
  return kFormat;
}

std::vector<std::string> dtb_root_compatible(ByteView data) {
  std::vector<std::string> out;
  auto tree = FdtTree::open(data);
  if (!tree) return out;
  auto v = tree->prop(0, "compatible");
  if (!v) return out;
  std::string_view list = as_chars(*v);
  while (!list.empty()) {
    auto end = list.find('\0');
    std::string_view one = list.substr(0, end);
    if (!one.empty()) out.emplace_back(one);
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
  return out;
}

std::string dtb_model(ByteView data) {
  auto tree = FdtTree::open(data);
  if (!tree) return {};
  return std::string(tree->prop_string(0, "model").value_or(""));
}

}  // namespace pedigree::unpack
