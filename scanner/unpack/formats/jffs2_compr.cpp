// JFFS2 compressors. zlib, LZO and LZMA go through the shared bounded
// decoders; "rtime" is JFFS2's own and small enough to decode here:
//
// rtime is a byte-pair stream. Each pair (value, repeat) emits `value`, then
// copies `repeat` bytes starting where the previous occurrence of `value`
// was followed (a table of 256 positions, one per byte value, all starting
// at 0, updated to the position just after each emitted `value`). Copies may
// overlap the bytes they produce.
//
// LZMA nodes (a widespread out-of-tree extension) are raw LZMA1 without a
// header, with the fixed properties lc=0, lp=0, pb=0 and an 8 KiB dictionary.
// The two "rubin" coders are obsolete and not decoded.
#include "scanner/unpack/formats/jffs2_compr.h"

#include <algorithm>
#include <array>
#include <string>

#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack::jffs2 {
namespace {

constexpr std::uint32_t kLzmaDictSize = 0x2000;

Error corrupt(std::string what) { return make_error(Errc::kCorrupt, std::move(what)); }

Result<std::vector<std::uint8_t>> exact(Decoded d, std::uint32_t dsize, const char* name) {
  if (d.bytes.size() != dsize) {
    std::string why = d.ok() ? "short output" : d.message;
    return corrupt(std::string(name) + " data does not decode (" + why + ")");
  }
  return std::move(d.bytes);
}

// zlib data normally carries its two-byte header; the kernel accepts raw
// deflate too and tells them apart by the header check.
Result<std::vector<std::uint8_t>> decode_jffs2_zlib(ByteView in, std::uint32_t dsize) {
  OutputBudget budget;
  budget.max_bytes = dsize;
  bool has_header = in.size() >= 2 && (in[0] & 0x0F) == 8 && ((in[0] << 8) | in[1]) % 31 == 0;
  return exact(has_header ? decode_zlib(in, budget) : decode_deflate(in, budget), dsize, "zlib");
}

}  // namespace

Result<std::vector<std::uint8_t>> decode_rtime(ByteView in, std::uint32_t dsize) {
  std::vector<std::uint8_t> out(dsize);
  std::array<std::uint32_t, 256> positions{};
  std::uint64_t in_pos = 0;
  std::uint32_t out_pos = 0;
  while (out_pos < dsize) {
    if (in_pos + 2 > in.size()) return corrupt("rtime data ends early");
    std::uint8_t value = in[in_pos];
    std::uint8_t repeat = in[in_pos + 1];
    in_pos += 2;
    out[out_pos++] = value;
    std::uint32_t back = positions[value];
    positions[value] = out_pos;
    if (repeat > dsize - out_pos) return corrupt("rtime copy runs past the node size");
    // back < out_pos always, so a forward byte copy only reads written bytes.
    for (std::uint32_t i = 0; i < repeat; ++i) out[out_pos++] = out[back + i];
  }
  return out;
}

Result<std::vector<std::uint8_t>> decompress(std::uint8_t compr, ByteView stored, std::uint32_t dsize) {
  switch (compr) {
    case kComprNone:
    case kComprCopy:
      if (stored.size() < dsize) return corrupt("stored data shorter than the node size");
      return std::vector<std::uint8_t>(stored.begin(), stored.begin() + dsize);
    case kComprZero: return std::vector<std::uint8_t>(dsize, 0);
    case kComprRtime: return decode_rtime(stored, dsize);
    case kComprZlib: return decode_jffs2_zlib(stored, dsize);
    case kComprLzo: return exact(decode_lzo1x(stored, dsize), dsize, "lzo");
    case kComprLzma: return exact(decode_lzma_raw(stored, 0, 0, 0, kLzmaDictSize, dsize), dsize, "lzma");
    case kComprRubinMips:
    case kComprDynRubin: return make_error(Errc::kUnsupported, "rubin compression is not supported");
    default: return make_error(Errc::kUnsupported, "unknown compression " + std::to_string(compr));
  }
}

}  // namespace pedigree::unpack::jffs2
