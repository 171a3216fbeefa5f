// Android vendor boot image ("vendor_boot.img", header versions 3 and 4), as
// mkbootimg writes it. Little-endian u32 fields:
//
//    0  magic "VNDRBOOT"          8  header version (3 or 4)
//   12  page size                16  kernel load address
//   20  ramdisk load address     24  vendor ramdisk size
//   28  command line[2048]     2076  tags address
// 2080  board name[16]         2096  header size (2112, or 2128 in version 4;
//                                    early mkbootimg releases wrote 2108)
// 2100  DTB size               2104  u64 DTB load address
// 2112  ramdisk table size, entry count, entry size (108),
//       bootconfig size                                          version 4
//
// After the header page come, each starting on a page boundary: the vendor
// ramdisk, the DTB, and in version 4 the ramdisk table and the bootconfig
// text. A version 4 ramdisk table splits the vendor ramdisk into fragments;
// each entry holds the fragment's size, its offset inside the vendor ramdisk
// section, a type, a name[32] and a board id (16 u32). Fragments are emitted
// one by one ("vendor_ramdisk_<name>"), else the section whole.
#include <fmt/format.h>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"VNDRBOOT", 0}};
constexpr std::uint32_t kMinPage = 2048, kMaxPage = 16384;
constexpr std::uint32_t kEntrySize = 108;

struct Section {
  std::string_view name;
  std::uint32_t size = 0;
  std::uint64_t offset = 0;
};

struct Layout {
  Section ramdisk{"vendor_ramdisk"}, dtb{"dtb"}, table{"vendor_ramdisk_table"}, bootconfig{"bootconfig"};
  std::uint32_t entries = 0;
  std::uint64_t content_end = 0;
  std::uint64_t padded_end = 0;
};

Result<Layout> read_layout(ByteView data) {
  ByteReader r(data);
  if (!r.matches(0, "VNDRBOOT")) return make_error(Errc::kBadMagic, "not an android vendor boot image");
  auto version = r.u32(8), page = r.u32(12), ramdisk = r.u32(24), header_size = r.u32(2096), dtb = r.u32(2100);
  if (!version || !page || !ramdisk || !header_size || !dtb)
    return make_error(Errc::kTruncated, "vendor boot header truncated");
  bool size_ok = *version == 3 ? (*header_size == 2112 || *header_size == 2108) : *header_size == 2128;
  if ((*version != 3 && *version != 4) || !size_ok) {
    return make_error(Errc::kBadMagic, fmt::format("vendor boot header version {} size {}", *version, *header_size));
  }
  if (*page < kMinPage || *page > kMaxPage || (*page & (*page - 1)) != 0) {
    return make_error(Errc::kBadMagic, fmt::format("vendor boot page size {}", *page));
  }
  Layout l;
  l.ramdisk.size = *ramdisk;
  l.dtb.size = *dtb;
  if (*version == 4) {
    auto table = r.u32(2112), entries = r.u32(2116), entry_size = r.u32(2120), bootconfig = r.u32(2124);
    if (!table || !entries || !entry_size || !bootconfig)
      return make_error(Errc::kTruncated, "vendor boot header truncated");
    if (*entries != 0 && (*entry_size != kEntrySize || std::uint64_t{*entries} * kEntrySize > *table)) {
      return make_error(Errc::kCorrupt, "vendor boot ramdisk table inconsistent");
    }
    l.table.size = *table;
    l.entries = *entries;
    l.bootconfig.size = *bootconfig;
  }
  std::uint64_t pos = align_up(*header_size, *page);
  l.content_end = l.padded_end = pos;
  for (Section* s : {&l.ramdisk, &l.dtb, &l.table, &l.bootconfig}) {
    s->offset = pos;
    pos += align_up(s->size, *page);
    if (s->size != 0) {
      l.content_end = s->offset + s->size;
      l.padded_end = pos;
    }
  }
  return l;
}

class AndroidVendorBoot final : public Format {
 public:
  std::string_view name() const override { return "android_vendor_boot"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto l = read_layout(data);
    if (!l) return l.error();
    // As for boot images: padding counts when present, cut sections are
    // left to extract.
    return l->content_end <= data.size() && l->padded_end > data.size() ? l->content_end : l->padded_end;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto l = read_layout(data.view());
    if (!l) return l.error();
    bool go =
        l->entries == 0 ? add(sink, data, l->ramdisk, std::string(l->ramdisk.name)) : add_fragments(sink, data, *l);
    if (go) go = add(sink, data, l->dtb, "dtb");
    if (go) add(sink, data, l->bootconfig, "bootconfig");
    return std::min<std::uint64_t>(data.size(), l->padded_end);
  }

 private:
  static bool add(Sink& sink, const Blob& data, const Section& s, std::string path) {
    if (s.size == 0) return true;
    if (!in_bounds(s.offset, s.size, data.size())) {
      sink.warn(fmt::format("android_vendor_boot: {} ({} bytes at {}) runs past the data", path, s.size, s.offset));
      return true;
    }
    Entry e;
    e.path = std::move(path);
    e.offset = s.offset;
    return sink.add(std::move(e), data.sub(s.offset, s.size));
  }

  // Each ramdisk table entry names a fragment of the vendor ramdisk section.
  static bool add_fragments(Sink& sink, const Blob& data, const Layout& l) {
    ByteReader table(slice(data.view(), l.table.offset, l.table.size));
    for (std::uint32_t i = 0; i < l.entries; ++i) {
      std::uint64_t at = std::uint64_t{i} * kEntrySize;
      auto size = table.u32(at), offset = table.u32(at + 4);
      auto name = table.cstr(at + 12, 32);
      if (!size || !offset || !name) {
        sink.warn(fmt::format("android_vendor_boot: ramdisk table entry {} lies outside the data", i));
        return true;
      }
      if (!in_bounds(*offset, *size, l.ramdisk.size)) {
        sink.warn(fmt::format("android_vendor_boot: ramdisk fragment {} lies outside the vendor ramdisk", i));
        return true;
      }
      Section s{"", *size, l.ramdisk.offset + *offset};
      std::string path = name->empty() ? fmt::format("vendor_ramdisk_{}", i) : fmt::format("vendor_ramdisk_{}", *name);
      if (!add(sink, data, s, std::move(path))) return false;
    }
    return true;
  }
};

}  // namespace

const Format& android_vendor_boot_format() {
  static const AndroidVendorBoot kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
