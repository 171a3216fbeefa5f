// U-Boot legacy image ("uImage"): a 64-byte big-endian header, then ih_size
// bytes of data.
//
//    0  magic 27 05 19 56
//    4  header CRC-32 (zlib's polynomial and seed) over the 64 header bytes
//       with this field taken as zero
//    8  creation time, seconds since 1970
//   12  data size (ih_size)
//   16  load address          20  entry point
//   24  CRC-32 of the ih_size data bytes
//   28  operating system      29  CPU architecture
//   30  image type (1 standalone, 2 kernel, 3 ramdisk, 4 multi-file,
//       5 firmware, 6 script, 7 filesystem, 8 flattened device tree,
//       14 kernel without load address, …)
//   31  compression (0 none, 1 gzip, 2 bzip2, 3 lzma, 4 lzo in lzop framing,
//       5 lz4 frame, 6 zstd)
//   32  image name, 32 bytes, NUL-padded
//
// Multi-file and script images start their data with a table of big-endian
// u32 sizes closed by a zero entry; the sub-images follow in order, each
// padded to a multiple of 4 bytes. U-Boot decompresses only the first
// sub-image of a multi-file image (the kernel); the ramdisk and device tree
// that follow are used as stored.
//
// The payload is emitted as stored, named by image type with a suffix for its
// compression ("kernel.gz"): the stream formats decode it from there.
#include <fmt/format.h>

#include <array>
#include <cstring>

#include "scanner/core/hash.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/packed_payload.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\x27\x05\x19\x56", 0}};
constexpr std::uint64_t kHeaderSize = 64;
constexpr std::uint8_t kTypeMulti = 4, kTypeScript = 6;

struct Header {
  std::uint32_t hcrc = 0;
  std::uint32_t size = 0;
  std::uint32_t dcrc = 0;
  std::uint8_t type = 0;
  std::uint8_t comp = 0;
};

std::optional<Header> read_header(ByteView data) {
  ByteReader r(data, Endian::kBig);
  auto hcrc = r.u32(4), size = r.u32(12), dcrc = r.u32(24);
  auto type = r.u8(30), comp = r.u8(31);
  if (!hcrc || !size || !dcrc || !type || !comp || !r.matches(0, kMagics[0].bytes)) return std::nullopt;
  return Header{*hcrc, *size, *dcrc, *type, *comp};
}

bool header_crc_matches(ByteView data, std::uint32_t stored) {
  std::array<std::uint8_t, kHeaderSize> copy{};
  std::memcpy(copy.data(), data.data(), copy.size());
  std::memset(copy.data() + 4, 0, 4);
  return crc32_update(0, copy) == stored;
}

std::string_view type_name(std::uint8_t type) {
  switch (type) {
    case 1: return "standalone";
    case 2:
    case 14: return "kernel";
    case 3: return "ramdisk";
    case 4: return "multi";
    case 5: return "firmware";
    case 6: return "script";
    case 7: return "filesystem";
    case 8: return "fdt";
    default: return "image";
  }
}

std::string_view comp_suffix(std::uint8_t comp) {
  static constexpr std::array<std::optional<Packing>, 7> kByCode{std::nullopt,   Packing::kGzip, Packing::kBzip2,
                                                                 Packing::kLzma, Packing::kLzop, Packing::kLz4Frame,
                                                                 Packing::kZstd};
  if (comp >= kByCode.size() || !kByCode[comp]) return "";
  return packing_suffix(*kByCode[comp]);
}

class UImage final : public Format {
 public:
  std::string_view name() const override { return "uimage"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    if (data.size() < kHeaderSize) return make_error(Errc::kTruncated, "uimage header truncated");
    auto h = read_header(data);
    if (!h) return make_error(Errc::kBadMagic, "not a uimage header");
    if (!header_crc_matches(data, h->hcrc)) return make_error(Errc::kCorrupt, "uimage header CRC mismatch");
    // The header CRC vouches for the size even when the data is cut short:
    // extract then keeps what is there and says what is missing.
    return kHeaderSize + h->size;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto h = data.size() >= kHeaderSize ? read_header(data.view()) : std::nullopt;
    if (!h) return make_error(Errc::kTruncated, "uimage header truncated");
    Blob payload = data.sub(kHeaderSize, h->size);
    if (payload.size() < h->size) {
      sink.warn(fmt::format("uimage: data truncated at {} of {} bytes", payload.size(), h->size));
    } else if (std::uint32_t crc = crc32_update(0, payload.view()); crc != h->dcrc) {
      sink.warn(fmt::format("uimage: data CRC mismatch (header 0x{:08x}, data 0x{:08x})", h->dcrc, crc));
    }
    if (h->type == kTypeMulti || h->type == kTypeScript) {
      emit_parts(payload, *h, sink);
    } else {
      Entry e;
      e.path = fmt::format("{}{}", type_name(h->type), comp_suffix(h->comp));
      e.offset = kHeaderSize;
      sink.add(std::move(e), payload);
    }
    return kHeaderSize + payload.size();
  }

 private:
  // Sub-images of a multi-file or script image, after their size table.
  static void emit_parts(const Blob& payload, const Header& h, Sink& sink) {
    ByteReader r(payload.view(), Endian::kBig);
    std::vector<std::uint32_t> sizes;
    std::uint64_t pos = 0;
    while (true) {
      auto s = r.u32(pos);
      if (!s) {
        sink.warn("uimage: sub-image size table runs past the data");
        return;
      }
      pos += 4;
      if (*s == 0) break;
      sizes.push_back(*s);
    }
    std::string_view type = type_name(h.type);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      if (!in_bounds(pos, sizes[i], payload.size())) {
        sink.warn(
            fmt::format("uimage: sub-image {} ({} bytes at {}) runs past the data", i, sizes[i], pos + kHeaderSize));
        return;
      }
      Entry e;
      bool lone_script = h.type == kTypeScript && sizes.size() == 1;
      e.path = lone_script ? std::string(type) : fmt::format("{}-{}", type, i);
      // Only the first sub-image (the kernel) is compressed per the header.
      if (i == 0) e.path += comp_suffix(h.comp);
      e.offset = kHeaderSize + pos;
      if (!sink.add(std::move(e), payload.sub(pos, sizes[i]))) return;
      pos = align_up(pos + sizes[i], 4);
    }
  }
};

}  // namespace

const Format& uimage_format() {
  static const UImage kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
