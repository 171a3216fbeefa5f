// Android boot image ("boot.img", "recovery.img"), as mkbootimg writes it.
// All fields little-endian u32 unless noted.
//
// Header versions 0 to 2:
//    0  magic "ANDROID!"
//    8  kernel size       12  kernel load address
//   16  ramdisk size      20  ramdisk load address
//   24  second-stage size 28  its load address
//   32  tags address      36  page size (a power of two, 2048 .. 16384)
//   40  header version    44  OS version and patch level
//   48  board name[16]    64  command line[512]   576  id[32]
//  608  extra command line[1024]
// 1632  recovery DTBO size, u64 offset, header size (1648)       version 1+
// 1648  DTB size, u64 load address; header size 1660            version 2
//
// Header versions 3 and 4 (page size fixed at 4096):
//    8  kernel size       12  ramdisk size      16  OS version
//   20  header size (1580, or 1584 in version 4; early mkbootimg releases
//       wrote 1596 for version 3)
//   40  header version    44  command line[1536]
// 1580  boot signature size                                     version 4
//
// Qualcomm's pre-version images keep a device-tree table ("QCDT") after the
// second stage and its size where the header version now sits.
//
// The header fills the first page; each section follows in the order above
// (kernel, ramdisk, second, recovery DTBO, DTB, or kernel, ramdisk, boot
// signature), each starting on a page boundary. Sections are emitted as
// stored; the ramdisk is normally a compressed cpio archive.
#include <fmt/format.h>

#include <array>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"ANDROID!", 0}};
constexpr std::uint32_t kMinPage = 2048, kMaxPage = 16384, kFixedPage = 4096;
constexpr std::uint32_t kMaxVersion = 4;

struct Section {
  std::string_view name;
  std::uint32_t size = 0;
  std::uint64_t offset = 0;
};

struct Layout {
  std::vector<Section> sections;  ///< every section the version defines, empty ones included
  std::uint64_t content_end = 0;  ///< end of the last non-empty section's bytes
  std::uint64_t padded_end = 0;   ///< the same, rounded up to the page
  bool empty = true;              ///< no section has bytes
};

// Places the sections one page-aligned block after another, behind the header page.
Layout place(std::vector<Section> sections, std::uint32_t page) {
  Layout l;
  std::uint64_t pos = page;
  l.content_end = l.padded_end = page;
  for (auto& s : sections) {
    s.offset = pos;
    pos += align_up(s.size, page);
    if (s.size != 0) {
      l.content_end = s.offset + s.size;
      l.padded_end = pos;
      l.empty = false;
    }
  }
  l.sections = std::move(sections);
  return l;
}

// `qcom_dt` is the size of a Qualcomm device-tree table (see read_layout).
Result<Layout> read_v0_to_v2(const ByteReader& r, std::uint32_t version, std::uint32_t qcom_dt) {
  auto kernel = r.u32(8), ramdisk = r.u32(16), second = r.u32(24), page = r.u32(36);
  if (!kernel || !ramdisk || !second || !page) return make_error(Errc::kTruncated, "android boot header truncated");
  if (*page < kMinPage || *page > kMaxPage || (*page & (*page - 1)) != 0) {
    return make_error(Errc::kBadMagic, fmt::format("android boot page size {}", *page));
  }
  std::vector<Section> s{{"kernel", *kernel}, {"ramdisk", *ramdisk}, {"second", *second}};
  if (version >= 1) {
    auto dtbo = r.u32(1632), header_size = r.u32(1644);
    std::uint32_t want = version == 1 ? 1648 : 1660;
    if (!dtbo || !header_size) return make_error(Errc::kTruncated, "android boot header truncated");
    if (*header_size != want)
      return make_error(Errc::kBadMagic, fmt::format("android boot header size {}", *header_size));
    s.push_back({"recovery_dtbo", *dtbo});
  }
  if (version == 2) {
    auto dtb = r.u32(1648);
    if (!dtb) return make_error(Errc::kTruncated, "android boot header truncated");
    s.push_back({"dtb", *dtb});
  }
  if (qcom_dt != 0) s.push_back({"dt", qcom_dt});
  return place(std::move(s), *page);
}

Result<Layout> read_v3_v4(const ByteReader& r, std::uint32_t version) {
  auto kernel = r.u32(8), ramdisk = r.u32(12), header_size = r.u32(20);
  if (!kernel || !ramdisk || !header_size) return make_error(Errc::kTruncated, "android boot header truncated");
  // Early mkbootimg releases wrote 1596 for version 3.
  bool size_ok = version == 3 ? (*header_size == 1580 || *header_size == 1596) : *header_size == 1584;
  if (!size_ok) {
    return make_error(Errc::kBadMagic, fmt::format("android boot header size {}", *header_size));
  }
  std::vector<Section> s{{"kernel", *kernel}, {"ramdisk", *ramdisk}};
  if (version == 4) {
    auto signature = r.u32(1580);
    if (!signature) return make_error(Errc::kTruncated, "android boot header truncated");
    s.push_back({"boot_signature", *signature});
  }
  return place(std::move(s), kFixedPage);
}

Result<Layout> read_layout(ByteView data) {
  ByteReader r(data);
  if (!r.matches(0, "ANDROID!")) return make_error(Errc::kBadMagic, "not an android boot image");
  auto version = r.u32(40);
  if (!version) return make_error(Errc::kTruncated, "android boot header truncated");
  // Before header versions existed, Qualcomm's mkbootimg put the size of a
  // device-tree table ("QCDT", after the second stage) in this field.
  std::uint32_t qcom_dt = *version > kMaxVersion ? *version : 0;
  Result<Layout> l = qcom_dt != 0    ? read_v0_to_v2(r, 0, qcom_dt)
                     : *version <= 2 ? read_v0_to_v2(r, *version, 0)
                                     : read_v3_v4(r, *version);
  if (l && qcom_dt != 0 && !r.matches(l->sections.back().offset, "QCDT")) {
    return make_error(Errc::kUnsupported, fmt::format("android boot header version {}", *version));
  }
  if (l && l->empty) {
    // Every section empty: a stray magic, not an image.
    return make_error(Errc::kBadMagic, "android boot image without sections");
  }
  return l;
}

class AndroidBoot final : public Format {
 public:
  std::string_view name() const override { return "android_boot"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto l = read_layout(data);
    if (!l) return l.error();
    // The final page's padding is often cut off; count it only when present.
    // A section cut short is left to extract, which warns about it.
    return l->content_end <= data.size() && l->padded_end > data.size() ? l->content_end : l->padded_end;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto l = read_layout(data.view());
    if (!l) return l.error();
    for (const auto& s : l->sections) {
      if (s.size == 0) continue;
      if (!in_bounds(s.offset, s.size, data.size())) {
        sink.warn(fmt::format("android_boot: {} ({} bytes at {}) runs past the data", s.name, s.size, s.offset));
        break;
      }
      Entry e;
      e.path = std::string(s.name);
      e.offset = s.offset;
      if (!sink.add(std::move(e), data.sub(s.offset, s.size))) break;
    }
    return std::min<std::uint64_t>(data.size(), l->padded_end);
  }
};

}  // namespace

const Format& android_boot_format() {
  static const AndroidBoot kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
