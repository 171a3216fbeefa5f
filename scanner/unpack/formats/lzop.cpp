// lzop (.lzo files), as written by the lzop tool for kernels and vendor images.
//
// All integers are big-endian. After the 9-byte magic 89 4c 5a 4f 00 0d 0a 1a
// 0a: the format version (u16), the LZO library version (u16), from version
// 0x0940 on the version needed to extract (u16); the method (u8: 1, 2 and 3
// are LZO1X variants) and from 0x0940 on the level (u8); the flags (u32); a
// filter number (u32) when flag 0x800 is set; the file mode (u32); the mtime
// (u32, and from 0x0940 on a high u32); the name length (u8) and name; then
// the header checksum (u32) over everything from the version to the name:
// Adler-32 (seed 1) or, with flag 0x1000, CRC-32 (seed 0). With flag 0x40 an
// extra field follows (u32 length, data, u32 checksum).
//
// Blocks: the uncompressed size (u32; 0 ends the file), the compressed size
// (u32, never larger; equal means stored), the checksums of the uncompressed
// data (Adler-32 with flag 0x1, CRC-32 with flag 0x100), the checksums of the
// compressed data (flags 0x2 and 0x200, only present when the block is
// compressed), then the data. lzop never writes blocks over 64 MiB.
#include <zlib.h>

#include <optional>
#include <string>
#include <vector>

#include "scanner/core/hash.h"
#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/block_output.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{std::string_view("\x89\x4c\x5a\x4f\x00\x0d\x0a\x1a\x0a", 9), 0}};
constexpr std::uint64_t kMagicSize = 9;
constexpr std::uint16_t kMinVersion = 0x0900;
constexpr std::uint16_t kLongHeaderVersion = 0x0940;
constexpr std::uint32_t kAdlerD = 0x1, kAdlerC = 0x2, kExtraField = 0x40, kCrcD = 0x100, kCrcC = 0x200, kFilter = 0x800,
                        kHeaderCrc = 0x1000;
constexpr std::uint32_t kReservedFlags = 0x000fc000;
constexpr std::uint32_t kMaxBlock = 64U << 20;

struct Header {
  std::uint32_t flags = 0;
  std::uint32_t filter = 0;
  std::uint32_t mode = 0;
  std::string name;
  std::uint64_t size = 0;  ///< offset of the first block
};

struct Block {
  std::uint32_t dst_len = 0;  ///< 0 for the end marker
  std::uint32_t src_len = 0;
  std::optional<std::uint32_t> adler, crc;  ///< of the uncompressed data
  std::uint64_t data_off = 0;
  std::uint64_t next = 0;
};

std::uint32_t adler(ByteView b) {
  return static_cast<std::uint32_t>(::adler32(1, b.data(), static_cast<uInt>(b.size())));
}

Result<Header> parse_header(ByteView data) {
  ByteReader r(data, Endian::kBig);
  auto truncated = make_error(Errc::kTruncated, "lzop header truncated");
  auto version = r.u16(kMagicSize);
  if (!r.matches(0, kMagics[0].bytes) || !version) return make_error(Errc::kBadMagic, "not an lzop file");
  const bool long_header = *version >= kLongHeaderVersion;
  std::uint64_t off = kMagicSize + 4 + (long_header ? 2 : 0);
  auto method = r.u8(off);
  off += long_header ? 2 : 1;
  auto flags = r.u32(off);
  if (!method || !flags) return truncated;
  if (*version < kMinVersion || (*flags & kReservedFlags) != 0)
    return make_error(Errc::kBadMagic, "lzop header fields out of range");
  Header h;
  h.flags = *flags;
  off += 4;
  if ((h.flags & kFilter) != 0) {
    h.filter = r.u32(off).value_or(0);
    off += 4;
  }
  auto mode = r.u32(off);
  off += 4 + (long_header ? 8 : 4);
  auto name_len = r.u8(off);
  if (!mode || !name_len) return truncated;
  auto name = r.bytes(off + 1, *name_len);
  auto stored = r.u32(off + 1 + *name_len);
  if (!name || !stored) return truncated;
  auto covered = slice(data, kMagicSize, off + 1 + *name_len - kMagicSize);
  std::uint32_t sum = (h.flags & kHeaderCrc) != 0 ? crc32_update(0, covered) : adler(covered);
  if (sum != *stored) return make_error(Errc::kCorrupt, "lzop header checksum mismatch");
  if (*method < 1 || *method > 3)
    return make_error(Errc::kUnsupported, "lzop method " + std::to_string(*method) + " is not LZO1X");
  h.mode = *mode;
  h.name = std::string(as_chars(*name));
  h.size = off + 1 + *name_len + 4;
  if ((h.flags & kExtraField) != 0) {
    auto extra = r.u32(h.size);
    if (!extra) return truncated;
    h.size += 4 + std::uint64_t{*extra} + 4;
  }
  return h;
}

/// Reads the block header at `off`; a truncated or impossible header is an error.
Result<Block> read_block(ByteView data, std::uint64_t off, std::uint32_t flags) {
  ByteReader r(data, Endian::kBig);
  Block b;
  auto dst = r.u32(off);
  if (!dst) return make_error(Errc::kTruncated, "lzop block header at " + hex_offset(off) + " truncated");
  b.dst_len = *dst;
  if (b.dst_len == 0) {
    b.next = off + 4;
    return b;
  }
  auto src = r.u32(off + 4);
  if (!src) return make_error(Errc::kTruncated, "lzop block header at " + hex_offset(off) + " truncated");
  b.src_len = *src;
  if (b.dst_len > kMaxBlock || b.src_len == 0 || b.src_len > b.dst_len) {
    return make_error(Errc::kCorrupt, "lzop block sizes at " + hex_offset(off) + " impossible");
  }
  off += 8;
  if ((flags & kAdlerD) != 0) {
    b.adler = r.u32(off);
    off += 4;
  }
  if ((flags & kCrcD) != 0) {
    b.crc = r.u32(off);
    off += 4;
  }
  if (b.src_len < b.dst_len) off += ((flags & kAdlerC) != 0 ? 4 : 0) + ((flags & kCrcC) != 0 ? 4 : 0);
  b.data_off = off;
  b.next = off + b.src_len;
  if (b.next > data.size())
    return make_error(Errc::kTruncated, "lzop block at " + hex_offset(off) + " runs past the input");
  return b;
}

/// Decodes one block and checks it against its stored checksums.
Result<std::vector<std::uint8_t>> decode_block(ByteView data, const Block& b, Sink& sink) {
  ByteView src = slice(data, b.data_off, b.src_len);
  std::vector<std::uint8_t> out;
  if (b.src_len == b.dst_len) {
    out.assign(src.begin(), src.end());
  } else {
    Decoded d = decode_lzo1x(src, b.dst_len);
    if (!d.ok() || d.bytes.size() != b.dst_len) {
      return make_error(Errc::kCorrupt, "lzop block at " + hex_offset(b.data_off) + " does not decode");
    }
    out = std::move(d.bytes);
  }
  if ((b.adler && *b.adler != adler(out)) || (b.crc && *b.crc != crc32_update(0, out))) {
    sink.warn("lzop block at " + hex_offset(b.data_off) + ": checksum mismatch");
  }
  return out;
}

class Lzop final : public Format {
 public:
  std::string_view name() const override { return "lzop"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto h = parse_header(data);
    if (!h) return h.error();
    // The block headers chain to the end marker: the file's exact length.
    std::uint64_t off = h->size;
    while (true) {
      auto b = read_block(data, off, h->flags);
      if (!b) return std::uint64_t{0};  // extraction keeps what decodes and says why
      if (b->dst_len == 0) return b->next;
      off = b->next;
    }
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto h = parse_header(data.view());
    if (!h) return h.error();
    if (h->filter != 0) sink.warn("lzop filter " + std::to_string(h->filter) + " is not undone");
    BlockOutput out(sink.budget());
    std::uint64_t off = h->size;
    bool any = false, ended = false;
    while (true) {
      auto b = read_block(data.view(), off, h->flags);
      if (!b) {
        sink.warn(b.error().message);
        off = b.error().code == Errc::kTruncated ? data.size() : off;
        break;
      }
      if (b->dst_len == 0) {
        off = b->next;
        ended = true;
        break;
      }
      if (!out.has_room()) {
        sink.warn(std::string("lzop stream stopped at ") + hex_offset(off) + ": " + out.why());
        break;
      }
      auto bytes = decode_block(data.view(), *b, sink);
      if (!bytes) {
        sink.warn(bytes.error().message);
        break;
      }
      any = true;
      off = b->next;
      if (!out.append(*bytes, off)) {
        sink.warn(std::string("lzop stream stopped at ") + hex_offset(off) + ": " + out.why());
        break;
      }
    }
    if (!any && !ended) {
      return make_error(Errc::kCorrupt, "lzop file has no decodable block");
    }
    Entry e;
    e.path = stream_member_name(sink, h->name, ".lzo", "lzop");
    if ((h->mode & 07777) != 0) e.mode = h->mode & 07777;
    sink.add(std::move(e), Blob::from_vector(std::move(out.bytes())));
    return off;
  }
};

}  // namespace

const Format& lzop_format() {
  static const Lzop kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
