#include "scanner/unpack/formats/fdt_tree.h"

#include <libfdt.h>

#include <cstring>
#include <string>

namespace pedigree::unpack {
namespace {

constexpr std::uint32_t kFdtMagic = 0xd00dfeed;
constexpr std::uint32_t kMinVersion = 16, kMaxVersion = 17;
constexpr std::uint64_t kHeaderSize = 40;

}  // namespace

Result<FdtTree> FdtTree::open(ByteView data) {
  ByteReader r(data, Endian::kBig);
  auto magic = r.u32(0), total = r.u32(4), version = r.u32(20), last_comp = r.u32(24);
  if (!magic || !total || !version || !last_comp) return make_error(Errc::kTruncated, "device tree header truncated");
  if (*magic != kFdtMagic) return make_error(Errc::kBadMagic, "not a device tree");
  if (*version < kMinVersion || *version > kMaxVersion || *last_comp > *version) {
    return make_error(Errc::kUnsupported, "device tree version " + std::to_string(*version) + " not 16 or 17");
  }
  if (*total < kHeaderSize) return make_error(Errc::kCorrupt, "device tree totalsize smaller than its header");
  if (*total > data.size()) {
    return make_error(Errc::kTruncated, "device tree declares " + std::to_string(*total) + " bytes, only " +
                                            std::to_string(data.size()) + " present");
  }
  FdtTree t;
  t.view_ = data.first(*total);
  if (reinterpret_cast<std::uintptr_t>(data.data()) % 8 != 0) {
    t.copy_.resize((*total + 7) / 8);
    std::memcpy(t.copy_.data(), data.data(), *total);
    t.view_ = ByteView(reinterpret_cast<const std::uint8_t*>(t.copy_.data()), *total);
  }
  int rc = fdt_check_full(t.fdt(), t.view_.size());
  if (rc != 0) return make_error(Errc::kCorrupt, std::string("device tree invalid: ") + fdt_strerror(rc));
  return t;
}

std::uint64_t FdtTree::offset_of(const void* p) const {
  return static_cast<std::uint64_t>(static_cast<const std::uint8_t*>(p) - view_.data());
}

int FdtTree::node(const char* path) const { return fdt_path_offset(fdt(), path); }

std::optional<ByteView> FdtTree::prop(int node, const char* name) const {
  int len = 0;
  const void* p = fdt_getprop(fdt(), node, name, &len);
  if (p == nullptr || len < 0) return std::nullopt;
  // libfdt checked the property against the tree; slice re-checks for free.
  ByteView v = slice(view_, offset_of(p), static_cast<std::uint64_t>(len));
  if (v.size() != static_cast<std::uint64_t>(len)) return std::nullopt;
  return v;
}

std::optional<std::string_view> FdtTree::prop_string(int node, const char* name) const {
  auto v = prop(node, name);
  if (!v) return std::nullopt;
  auto s = as_chars(*v);
  return s.substr(0, s.find('\0'));
}

std::optional<std::uint32_t> FdtTree::prop_u32(int node, const char* name) const {
  auto v = prop(node, name);
  if (!v || v->size() != 4) return std::nullopt;
  return ByteReader(*v, Endian::kBig).u32(0);
}

std::string_view FdtTree::name(int node) const {
  int len = 0;
  const char* n = fdt_get_name(fdt(), node, &len);
  if (n == nullptr || len < 0) return {};
  return {n, static_cast<std::size_t>(len)};
}

}  // namespace pedigree::unpack
