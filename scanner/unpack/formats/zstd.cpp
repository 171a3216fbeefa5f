// Zstandard (RFC 8878), one frame.
//
// Frame: magic 28 b5 2f fd (0xfd2fb528 little-endian), then the frame header
// descriptor byte: bits 7-6 select the size of the frame-content-size field,
// bit 5 is Single_Segment, bit 4 is unused, bit 3 is reserved (zero), bit 2
// announces a 4-byte content checksum after the last block, bits 1-0 select
// the size of the dictionary ID (0, 1, 2 or 4 bytes). Unless Single_Segment
// is set, a window descriptor byte follows (exponent in bits 7-3, mantissa in
// bits 2-0: window = 2^(10+e) + 2^(10+e)/8 * m); then the dictionary ID and
// the frame content size (0, 1, 2, 4 or 8 bytes; 2-byte values are stored
// minus 256; with Single_Segment the 0 selector means 1 byte), little-endian.
//
// Blocks follow, each with a 3-byte little-endian header: bit 0 last block,
// bits 2-1 type (raw, RLE, compressed, 3 reserved), bits 23-3 size. A raw or
// compressed block carries `size` bytes, an RLE block one byte repeated `size`
// times; no block exceeds min(window, 128 KiB). Walking the block headers
// gives the frame's exact length without decoding.
#include <optional>
#include <vector>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\x28\xb5\x2f\xfd", 0}};
constexpr std::uint64_t kDescriptorOffset = 4;
constexpr std::uint32_t kMaxWindowLog = 31;              // the largest any decoder accepts
constexpr std::uint64_t kDecoderMaxWindow = 1ULL << 27;  // what decode_zstd allows
constexpr std::uint8_t kDecoderMaxWindowDescriptor = (27 - 10) << 3;
constexpr std::uint64_t kMaxBlock = 128 * 1024;
constexpr std::uint64_t kBlockHeader = 3;
constexpr std::uint64_t kChecksumSize = 4;
// Output decoded by probe to reject stray magics followed by noise (enough
// for small frames to reach their checksum), and the input copied when the
// header must be altered for that.
constexpr std::uint64_t kTrialOutput = 256 * 1024;
constexpr std::size_t kTrialInput = 256 * 1024;

struct FrameHeader {
  std::uint64_t size = 0;       ///< bytes up to the first block
  std::uint64_t window = 0;     ///< the decoder's history buffer
  std::uint64_t block_max = 0;  ///< largest legal block
  std::optional<std::uint64_t> content_size;
  bool single = false;  ///< Single_Segment: no window descriptor
  bool checksum = false;
};

Result<FrameHeader> parse_header(ByteReader r) {
  auto fhd = r.u8(kDescriptorOffset);
  if (!fhd) return make_error(Errc::kTruncated, "zstd frame header truncated");
  if ((*fhd & 0x08) != 0) return make_error(Errc::kBadMagic, "zstd frame header reserved bit set");
  const bool single = (*fhd & 0x20) != 0;
  const std::uint32_t fcs_sel = *fhd >> 6;
  constexpr std::uint64_t kDictIdSizes[] = {0, 1, 2, 4};
  constexpr std::uint64_t kFcsSizes[] = {0, 2, 4, 8};
  std::uint64_t fcs_size = fcs_sel == 0 && single ? 1 : kFcsSizes[fcs_sel];
  std::uint64_t off = kDescriptorOffset + 1;
  std::uint64_t window = 0;
  if (!single) {
    auto wd = r.u8(off++);
    if (!wd) return make_error(Errc::kTruncated, "zstd frame header truncated");
    std::uint32_t log = 10 + (*wd >> 3);
    if (log > kMaxWindowLog) return make_error(Errc::kBadMagic, "zstd window too large");
    std::uint64_t base = 1ULL << log;
    window = base + base / 8 * (*wd & 7);
  }
  off += kDictIdSizes[*fhd & 3];
  auto fcs = r.bytes(off, fcs_size);
  if (!fcs) return make_error(Errc::kTruncated, "zstd frame header truncated");
  FrameHeader h;
  if (fcs_size != 0) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < fcs_size; ++i) v |= std::uint64_t{(*fcs)[i]} << (8 * i);
    h.content_size = fcs_size == 2 ? v + 256 : v;
  }
  if (single) window = h.content_size.value_or(0);  // the whole content is the window
  h.size = off + fcs_size;
  h.window = window;
  h.block_max = std::min(window, kMaxBlock);
  h.single = single;
  h.checksum = (*fhd & 0x04) != 0;
  return h;
}

/// Walks the block headers: the frame's length, 0 when the input ends
/// first, or an error when a block header is impossible. While every block
/// is raw or RLE the content size is known and must match the header's.
Result<std::uint64_t> frame_length(ByteReader r, const FrameHeader& h) {
  std::uint64_t off = h.size;
  // Compressed blocks hide their output size; after one, nothing can be checked.
  bool size_known = true;
  std::uint64_t produced = 0;
  while (true) {
    auto b0 = r.u8(off);
    auto b12 = r.bytes(off + 1, 2);
    if (!b0 || !b12) return std::uint64_t{0};
    std::uint32_t bh = *b0 | (std::uint32_t{(*b12)[0]} << 8) | (std::uint32_t{(*b12)[1]} << 16);
    std::uint32_t type = (bh >> 1) & 3;
    std::uint64_t size = bh >> 3;
    const bool last = (bh & 1) != 0;
    if (type == 3) return make_error(Errc::kCorrupt, "zstd block type reserved");
    if (size > h.block_max) return make_error(Errc::kCorrupt, "zstd block larger than the window");
    if (type == 2) size_known = false;
    produced += size;
    if (size_known && h.content_size && (produced > *h.content_size || (last && produced != *h.content_size))) {
      return make_error(Errc::kCorrupt, "zstd blocks disagree with the frame content size");
    }
    off += kBlockHeader + (type == 1 ? 1 : size);
    if (last) break;
  }
  if (h.checksum) off += kChecksumSize;
  return off <= r.size() ? off : 0;
}

/// Decodes the first kTrialOutput bytes: compressed blocks of noise fail
/// almost at once. A window larger than the decoder accepts is lowered in a
/// copy of the header; output this short never reaches back that far, so the
/// decoding is the same. (A single-segment frame's window is its content
/// size, which cannot be lowered: such a frame could not be decoded anyway,
/// and without a trial noise would pass, so it is refused.)
Status trial_decode(ByteView frame, const FrameHeader& h) {
  std::vector<std::uint8_t> lowered;
  if (h.window > kDecoderMaxWindow) {
    if (h.single) return make_error(Errc::kUnsupported, "zstd single-segment frame larger than the decoder's window");
    ByteView prefix = frame.first(std::min<std::size_t>(frame.size(), kTrialInput));
    lowered.assign(prefix.begin(), prefix.end());
    lowered[kDescriptorOffset + 1] = kDecoderMaxWindowDescriptor;
    frame = lowered;
  }
  OutputBudget trial;
  trial.max_bytes = kTrialOutput;
  Decoded d = decode_zstd(frame, trial);
  if (d.status == DecodeStatus::kCorrupt) return make_error(Errc::kBadMagic, "zstd data does not decode: " + d.message);
  return Ok{};
}

class Zstd final : public Format {
 public:
  std::string_view name() const override { return "zstd"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    if (!r.matches(0, kMagics[0].bytes)) return make_error(Errc::kBadMagic, "not a zstd frame");
    auto h = parse_header(r);
    if (!h) return h.error();
    auto len = frame_length(r, *h);
    if (!len) return len.error();
    auto trial = trial_decode(*len == 0 ? data : data.first(*len), *h);
    if (!trial) return trial.error();
    return *len;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    Decoded d = decode_zstd(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, stream_member_name(sink, {}, ".zst", "zstd"), name());
  }
};

}  // namespace

const Format& zstd_format() {
  static const Zstd kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
