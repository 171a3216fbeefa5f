// LZ4, in its two stream layouts.
//
// Frame format (magic 04 22 4d 18): a FLG byte (bits 7-6 version = 01, bit 5
// block independence, bit 4 block checksums, bit 3 content size present,
// bit 2 content checksum, bit 1 reserved, bit 0 dictionary ID present), a BD
// byte (bits 6-4 maximum block size: 4 = 64 KiB, 5 = 256 KiB, 6 = 1 MiB,
// 7 = 4 MiB; other bits reserved), the optional 8-byte content size and 4-byte
// dictionary ID, and a header checksum byte: bits 15-8 of the XXH32 of the
// descriptor (FLG through dictionary ID). Blocks follow, each a u32 LE size
// (bit 31 set = stored uncompressed) then the data and, with block checksums,
// 4 more bytes; a zero size ends the frame, followed by the 4-byte content
// checksum when announced. Walking the block sizes gives the exact length.
//
// Legacy format (magic 02 21 4c 18), written by `lz4 -l` and used for Linux
// kernels: blocks of u32 LE compressed size + raw LZ4 block data, each block
// decompressing to exactly 8 MiB except the last. Nothing marks the end: the
// stream stops after a short block, at the end of the input, or at a size
// that cannot be a block (the kernel build appends the uncompressed size as
// u32 LE, which is then left over). The magic may appear again between
// blocks when streams were concatenated; decoding simply continues.
#include <lz4.h>
#include <lz4frame.h>

#include <algorithm>
#include <string>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/block_output.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr std::string_view kFrameMagic("\x04\x22\x4d\x18", 4);
constexpr std::string_view kLegacyMagic("\x02\x21\x4c\x18", 4);
constexpr Magic kMagics[] = {{kFrameMagic, 0}, {kLegacyMagic, 0}};
constexpr std::uint32_t kLegacyMagicValue = 0x184c2102;
constexpr std::uint64_t kLegacyBlock = 8ULL << 20;
constexpr std::uint64_t kLegacyBlockBound = LZ4_COMPRESSBOUND(kLegacyBlock);
constexpr std::uint32_t kStoredBit = 0x80000000;
// No LZ4 sequence yields more than 255 bytes per input byte (a length byte
// of 255), plus the final literals.
constexpr std::uint64_t kMaxExpansion = 255;
constexpr std::uint64_t kExpansionSlack = 64;

/// The most a legacy block of `size` compressed bytes can decode to, so that
/// small blocks (and stray sizes in probe) do not reserve 8 MiB.
std::uint64_t legacy_block_max(std::uint64_t size) {
  return std::min(kLegacyBlock, size * kMaxExpansion + kExpansionSlack);
}

/// Checks the frame header (with its checksum, through liblz4) and returns
/// its length.
Result<std::uint64_t> frame_header(ByteView data) {
  LZ4F_dctx* ctx = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx, LZ4F_VERSION))) {
    return make_error(Errc::kIo, "lz4 context allocation failed");
  }
  LZ4F_frameInfo_t info{};
  std::size_t src_len = std::min<std::size_t>(data.size(), LZ4F_HEADER_SIZE_MAX);
  std::size_t rc = LZ4F_getFrameInfo(ctx, &info, data.data(), &src_len);
  LZ4F_freeDecompressionContext(ctx);
  if (LZ4F_isError(rc)) return make_error(Errc::kBadMagic, std::string("lz4 frame header: ") + LZ4F_getErrorName(rc));
  return std::uint64_t{src_len};
}

/// Walks a frame's blocks: its exact length, or 0 when the input ends first
/// or a block size is impossible (extraction then says where).
std::uint64_t frame_length(ByteView data, std::uint64_t header) {
  ByteReader r(data);
  std::uint8_t flg = r.u8(4).value_or(0), bd = r.u8(5).value_or(0);
  std::uint64_t block_max = 1ULL << (8 + 2 * ((bd >> 4) & 7));
  std::uint64_t block_checksum = (flg & 0x10) != 0 ? 4 : 0;
  std::uint64_t off = header;
  while (true) {
    auto size = r.u32(off);
    if (!size) return 0;
    off += 4;
    if (*size == 0) break;
    std::uint64_t len = *size & ~kStoredBit;
    if (len > block_max) return 0;
    off += len + block_checksum;
  }
  if ((flg & 0x04) != 0) off += 4;
  return off <= data.size() ? off : 0;
}

Result<std::uint64_t> probe_legacy(ByteView data) {
  ByteReader r(data);
  auto size = r.u32(4);
  if (!size) return make_error(Errc::kTruncated, "lz4 legacy stream truncated");
  if (*size == 0 || *size > kLegacyBlockBound) return make_error(Errc::kBadMagic, "lz4 legacy block size out of range");
  auto block = r.bytes(8, *size);
  if (!block) return make_error(Errc::kBadMagic, "lz4 legacy first block runs past the input");
  if (!decode_lz4_block(*block, legacy_block_max(*size)).ok())
    return make_error(Errc::kBadMagic, "lz4 legacy block does not decode");
  return std::uint64_t{0};
}

class Lz4 final : public Format {
 public:
  std::string_view name() const override { return "lz4"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    if (r.matches(0, kLegacyMagic)) return probe_legacy(data);
    if (!r.matches(0, kFrameMagic)) return make_error(Errc::kBadMagic, "not an lz4 stream");
    auto header = frame_header(data);
    if (!header) return header.error();
    return frame_length(data, *header);
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    std::string member = stream_member_name(sink, {}, ".lz4", "lz4");
    if (ByteReader(data.view()).matches(0, kLegacyMagic)) return extract_legacy(data.view(), sink, std::move(member));
    Decoded d = decode_lz4_frame(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, std::move(member), name());
  }

 private:
  Result<std::uint64_t> extract_legacy(ByteView data, Sink& sink, std::string member) const {
    ByteReader r(data);
    BlockOutput out(sink.budget());
    std::uint64_t pos = kLegacyMagic.size();
    bool any = false, last_full = true;
    while (true) {
      auto size = r.u32(pos);
      if (size && *size == kLegacyMagicValue) {  // a concatenated stream goes on
        pos += 4;
        last_full = true;
        continue;
      }
      // A short block was the last; after a full one, a size that is no
      // block (or the end of the input) ends the stream too.
      if (!last_full || !size || *size == 0 || *size > kLegacyBlockBound) break;
      auto block = r.bytes(pos + 4, *size);
      if (!block) {
        sink.warn("lz4 legacy block at " + hex_offset(pos) + " runs past the end of the input (truncated)");
        pos = data.size();
        break;
      }
      if (!out.has_room()) {
        sink.warn(std::string("lz4 legacy stream stopped at ") + hex_offset(pos) + ": " + out.why());
        break;
      }
      Decoded d = decode_lz4_block(*block, legacy_block_max(*size));
      if (!d.ok()) {
        sink.warn("lz4 legacy block at " + hex_offset(pos) + " does not decode: " + d.message);
        break;
      }
      pos += 4 + *size;
      any = true;
      last_full = d.bytes.size() == kLegacyBlock;
      if (!out.append(d.bytes, pos)) {
        sink.warn(std::string("lz4 legacy stream stopped at ") + hex_offset(pos) + ": " + out.why());
        break;
      }
    }
    if (!any) return make_error(Errc::kCorrupt, "lz4 legacy stream has no decodable block");
    Entry e;
    e.path = std::move(member);
    sink.add(std::move(e), Blob::from_vector(std::move(out.bytes())));
    return pos;
  }
};

}  // namespace

const Format& lz4_format() {
  static const Lz4 kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
