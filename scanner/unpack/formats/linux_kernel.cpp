// Linux kernel boot images, told apart by where their magic sits (all fields
// little-endian):
//
// ARM zImage (self-decompressing): magic 0x016f2818 at 0x24, then the load
//   start address at 0x28 and end address at 0x2c; the image is end - start
//   bytes. The compressed kernel ("piggy") lies somewhere after the
//   decompressor code, with no field pointing at it: the first
//   compressed-stream magic whose stream really decodes marks it.
//
// x86 bzImage: a real-mode setup of (setup_sects + 1) * 512 bytes
//   (setup_sects at 0x1f1, 0 meaning 4), boot flag 0xaa55 at 0x1fe, "HdrS" at
//   0x202, boot protocol version at 0x206 (2.08 or later describes the
//   payload), protected-mode size in 16-byte units at 0x1f4; the compressed
//   kernel starts payload_offset (0x248) bytes into the protected-mode part
//   and is payload_length (0x24c) bytes long.
//
// ARM64 Image: magic "ARM\x64" at 0x38, text offset at 0x08, image size
//   (including bss) at 0x10, flags at 0x18, three reserved zero words. It is
//   not compressed: identified, no members.
//
// A compressed payload is emitted as stored, "vmlinux" plus the suffix of its
// packing ("vmlinux.xz"); the stream formats decode it from there.
#include <fmt/format.h>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/packed_payload.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\x18\x28\x6f\x01", 0x24}, {"HdrS", 0x202}, {"ARM\x64", 0x38}};
constexpr std::uint64_t kZImageHeader = 0x30;
constexpr std::uint16_t kMinPayloadProtocol = 0x0208;
// Candidate magics tried per zImage before giving up: stray magics in the
// decompressor's code are few, and each costs a trial decode.
constexpr int kMaxTrials = 64;

enum class Kind { kZImage, kBzImage, kArm64 };

struct Layout {
  Kind kind = Kind::kZImage;
  std::uint64_t size = 0;            ///< bytes the image occupies
  std::uint64_t payload_offset = 0;  ///< bzImage only
  std::uint64_t payload_size = 0;
};

Result<Layout> zimage_layout(const ByteReader& r) {
  auto start = r.u32(0x28), end = r.u32(0x2c);
  if (!start || !end) return make_error(Errc::kTruncated, "zImage header truncated");
  if (*end <= *start || *end - *start < kZImageHeader)
    return make_error(Errc::kCorrupt, "zImage start/end out of order");
  std::uint64_t size = *end - *start;
  if (size > r.size())
    return make_error(Errc::kTruncated, fmt::format("zImage of {} bytes, only {} present", size, r.size()));
  return Layout{Kind::kZImage, size, 0, 0};
}

Result<Layout> bzimage_layout(const ByteReader& r) {
  auto setup_sects = r.u8(0x1f1);
  auto boot_flag = r.u16(0x1fe), version = r.u16(0x206);
  auto syssize = r.u32(0x1f4), payload_offset = r.u32(0x248), payload_length = r.u32(0x24c);
  if (!setup_sects || !boot_flag || !version || !syssize || !payload_offset || !payload_length) {
    return make_error(Errc::kTruncated, "bzImage header truncated");
  }
  if (*boot_flag != 0xaa55) return make_error(Errc::kBadMagic, "bzImage without boot flag");
  if (*version < kMinPayloadProtocol) {
    return make_error(Errc::kUnsupported, fmt::format("bzImage boot protocol {:x} predates payload fields", *version));
  }
  std::uint64_t setup = (std::uint64_t{*setup_sects == 0 ? 4U : *setup_sects} + 1) * 512;
  std::uint64_t size = setup + std::uint64_t{*syssize} * 16;
  // syssize is rounded up to 16 bytes; builds that do not pad the file end
  // up to 15 bytes short of it.
  if (size > r.size() && size - r.size() < 16) size = r.size();
  if (size > r.size())
    return make_error(Errc::kTruncated, fmt::format("bzImage of {} bytes, only {} present", size, r.size()));
  std::uint64_t start = setup + *payload_offset;
  if (*payload_length == 0 || !in_bounds(start, *payload_length, size)) {
    return make_error(Errc::kCorrupt, "bzImage payload outside the image");
  }
  return Layout{Kind::kBzImage, size, start, *payload_length};
}

Result<Layout> arm64_layout(const ByteReader& r) {
  auto text_offset = r.u64(0x08), image_size = r.u64(0x10), flags = r.u64(0x18);
  auto res2 = r.u64(0x20), res3 = r.u64(0x28), res4 = r.u64(0x30);
  if (!text_offset || !image_size || !flags || !res2 || !res3 || !res4) {
    return make_error(Errc::kTruncated, "arm64 Image header truncated");
  }
  if (*res2 != 0 || *res3 != 0 || *res4 != 0 || (*flags >> 4) != 0 || *text_offset >= (1ULL << 24)) {
    return make_error(Errc::kBadMagic, "arm64 Image header fields out of range");
  }
  // image_size counts the bss, which is not in the file; kernels before 3.17
  // leave it zero. Either way the file can only end where the data does.
  std::uint64_t size = *image_size == 0 ? r.size() : std::min<std::uint64_t>(*image_size, r.size());
  return Layout{Kind::kArm64, size, 0, 0};
}

Result<Layout> read_layout(ByteView data) {
  ByteReader r(data);
  if (r.matches(0x24, kMagics[0].bytes)) return zimage_layout(r);
  if (r.matches(0x202, kMagics[1].bytes)) return bzimage_layout(r);
  if (r.matches(0x38, kMagics[2].bytes)) return arm64_layout(r);
  return make_error(Errc::kBadMagic, "not a linux kernel image");
}

// First bytes of the magics sniff_packing knows, to skip most offsets cheaply.
bool may_start_stream(std::uint8_t b) {
  return b == 0x1f || b == 0xfd || b == 'B' || b == 0x28 || b == 0x04 || b == 0x02 || b == 0x89 || b == 0x5d;
}

// First offset past the zImage header where a compressed stream decodes.
std::optional<std::pair<std::uint64_t, Packing>> find_piggy(ByteView image) {
  int trials = 0;
  for (std::uint64_t pos = kZImageHeader; pos + 4 <= image.size(); ++pos) {
    if (!may_start_stream(image[pos])) continue;
    auto packing = sniff_packing(image.subspan(pos));
    if (!packing || *packing == Packing::kCpio) continue;
    if (packing_decodes(*packing, image.subspan(pos))) return std::make_pair(pos, *packing);
    if (++trials >= kMaxTrials) break;
  }
  return std::nullopt;
}

class LinuxKernel final : public Format {
 public:
  std::string_view name() const override { return "linux_kernel"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto l = read_layout(data);
    if (!l) return l.error();
    return l->size;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto l = read_layout(data.view());
    if (!l) return l.error();
    if (l->kind == Kind::kBzImage) {
      Blob payload = data.sub(l->payload_offset, l->payload_size);
      auto packing = sniff_packing(payload.view());
      emit(sink, packing, l->payload_offset, payload);
    } else if (l->kind == Kind::kZImage) {
      Blob image = data.sub(0, l->size);
      auto piggy = find_piggy(image.view());
      if (!piggy) {
        sink.warn("linux_kernel: no compressed kernel found in the zImage");
      } else {
        emit(sink, piggy->second, piggy->first, image.sub(piggy->first));
      }
    }
    return l->size;
  }

 private:
  static void emit(Sink& sink, std::optional<Packing> packing, std::uint64_t offset, const Blob& bytes) {
    Entry e;
    e.path = "vmlinux" + std::string(packing ? packing_suffix(*packing) : "");
    e.offset = offset;
    sink.add(std::move(e), bytes);
  }
};

}  // namespace

const Format& linux_kernel_format() {
  static const LinuxKernel kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
