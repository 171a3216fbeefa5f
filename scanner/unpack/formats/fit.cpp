// U-Boot FIT image ("Flattened Image Tree"): a device tree (see dtb.cpp)
// whose /images node holds one subnode per image:
//
//   /images/<name>
//     data          the image bytes, inside the tree
//     data-offset   or, with external data (mkimage -E): where the bytes start,
//                   counted from the end of the tree rounded up to 4 bytes
//     data-position or: where they start, counted from the start of the FIT
//     data-size     with either of the above: how many bytes
//     type          "kernel", "ramdisk", "flat_dt", "firmware", …
//     compression   "none", "gzip", "bzip2", "lzma", "lzo", "lz4", "zstd"
//     hash-1 { algo = "crc32" | "sha1" | "sha256" | …; value = digest; }
//
// Hashes cover the image as stored. /configurations only names which images
// boot together and is left aside. Each image is emitted as stored, named
// after its node with a suffix for its compression ("kernel-1.gz"); the
// stream formats decode it from there.
#include <fmt/format.h>
#include <libfdt.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "scanner/core/hash.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/fdt_tree.h"
#include "scanner/unpack/formats/packed_payload.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\xd0\x0d\xfe\xed", 0}};
// Real FITs carry a handful of images; a cap keeps a hostile tree cheap.
constexpr int kMaxImages = 4096;
constexpr int kMaxWarnings = 8;

/// Where one image's bytes lie, counted from the start of the FIT.
struct Extent {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

Result<Extent> image_extent(const FdtTree& tree, int node) {
  if (auto inline_data = tree.prop(node, "data"))
    return Extent{tree.offset_of(inline_data->data()), inline_data->size()};
  auto size = tree.prop_u32(node, "data-size");
  auto rel = tree.prop_u32(node, "data-offset");
  auto abs = tree.prop_u32(node, "data-position");
  if (!size || (!rel && !abs)) return make_error(Errc::kCorrupt, "no data");
  std::uint64_t start = abs ? *abs : align_up(tree.size(), 4) + *rel;
  return Extent{start, *size};
}

/// Every image node under /images, in tree order.
std::vector<int> image_nodes(const FdtTree& tree) {
  std::vector<int> out;
  int images = tree.node("/images");
  if (images < 0) return out;
  int child = 0;
  fdt_for_each_subnode(child, tree.fdt(), images) {
    if (out.size() >= kMaxImages) break;
    out.push_back(child);
  }
  return out;
}

std::optional<std::string> digest(std::string_view algo, ByteView data) {
  if (algo == "crc32") {
    std::uint32_t crc = crc32_update(0, data);
    std::array<char, 4> be{static_cast<char>(crc >> 24), static_cast<char>(crc >> 16), static_cast<char>(crc >> 8),
                           static_cast<char>(crc)};
    return std::string(be.data(), be.size());
  }
  static constexpr std::array<std::string_view, 5> kEvp{"md5", "sha1", "sha256", "sha384", "sha512"};
  if (std::find(kEvp.begin(), kEvp.end(), algo) == kEvp.end()) return std::nullopt;
  const EVP_MD* md = EVP_get_digestbyname(std::string(algo).c_str());
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int len = 0;
  if (md == nullptr || EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

// End of the FIT: the tree, or the furthest external image. mkimage pads
// external data to 4 bytes, the last image included; that padding counts
// when it is there. External data cut short still counts (extract warns
// about each missing image).
std::uint64_t declared_end(const FdtTree& tree, std::uint64_t available) {
  std::uint64_t end = tree.size();
  for (int node : image_nodes(tree)) {
    auto ext = image_extent(tree, node);
    if (ext) end = std::max(end, ext->offset + ext->size);
  }
  std::uint64_t padded = align_up(end, 4);
  return end != tree.size() && padded <= available ? padded : end;
}

// Checks the hash subnodes of an image against the stored bytes. External
// images may overlap, so a hostile tree could ask for the same megabytes to
// be hashed thousands of times: `budget` bounds the bytes hashed in all.
void check_hashes(const FdtTree& tree, int node, std::string_view image, ByteView data, std::uint64_t& budget,
                  Sink& sink) {
  int child = 0;
  int seen = 0;
  fdt_for_each_subnode(child, tree.fdt(), node) {
    if (++seen > kMaxImages) break;
    if (!tree.name(child).starts_with("hash")) continue;
    auto algo = tree.prop_string(child, "algo");
    auto value = tree.prop(child, "value");
    if (!algo || !value) continue;
    if (data.size() > budget) return;
    budget -= data.size();
    auto computed = digest(*algo, data);
    if (computed && *computed != as_chars(*value)) {
      sink.warn(fmt::format("fit: image {}: {} hash mismatch", image, *algo));
    }
  }
}

class Fit final : public Format {
 public:
  std::string_view name() const override { return "fit"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto tree = FdtTree::open(data);
    if (!tree) return tree.error();
    if (tree->node("/images") < 0) return make_error(Errc::kBadMagic, "device tree without /images");
    return declared_end(*tree, data.size());
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto tree = FdtTree::open(data.view());
    if (!tree) return tree.error();
    int warned = 0;
    // Real FITs hash each image once or twice.
    std::uint64_t hash_budget = 4 * data.size();
    for (int node : image_nodes(*tree)) {
      std::string image(tree->name(node));
      auto ext = image_extent(*tree, node);
      if (!ext || !in_bounds(ext->offset, ext->size, data.size())) {
        // A hostile tree can hold thousands of empty nodes: say it a few times.
        if (++warned <= kMaxWarnings) {
          sink.warn(
              ext ? fmt::format("fit: image {} ({} bytes at {}) lies outside the data", image, ext->size, ext->offset)
                  : fmt::format("fit: image {} has no data", image));
        }
        continue;
      }
      Blob bytes = data.sub(ext->offset, ext->size);
      check_hashes(*tree, node, image, bytes.view(), hash_budget, sink);
      auto packing = packing_from_uboot_name(tree->prop_string(node, "compression").value_or("none"));
      Entry e;
      e.path = image + std::string(packing ? packing_suffix(*packing) : "");
      e.offset = ext->offset;
      if (!sink.add(std::move(e), bytes)) break;
    }
    if (warned > kMaxWarnings) sink.warn(fmt::format("fit: {} more images without data", warned - kMaxWarnings));
    return std::min(declared_end(*tree, data.size()), data.size());
  }
};

}  // namespace

const Format& fit_format() {
  static const Fit kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
