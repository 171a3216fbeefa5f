// zlib (RFC 1950): a two-byte header, raw deflate data, and the Adler-32 of
// the uncompressed data (big-endian).
//
// CMF: bits 3-0 the method (8 = deflate), bits 7-4 CINFO, the window size as
// log2(window) - 8 (at most 7, a 32 KiB window). FLG: bits 7-6 the compression
// level (informative), bit 5 FDICT (a preset-dictionary ID follows; such
// streams cannot be decoded without the dictionary, so they are not accepted),
// bits 4-0 FCHECK, chosen so that CMF * 256 + FLG is a multiple of 31.
//
// Two bytes are no magic number: the magics are every valid header (78 01,
// 78 5e, 78 9c, 78 da and their smaller-window forms), only trusted at the
// start of a file (not carvable), and probe also decodes the first few KiB.
// Streams inside a file are found by the walker instead, in the regions no
// other format claimed, and only when they inflate to a matching Adler-32
// (zlib_carve.h).
#include <array>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr std::uint8_t kMethodDeflate = 8;
constexpr std::uint8_t kMaxCinfo = 7;
constexpr std::uint8_t kFlagDict = 0x20;
// Output decoded by probe: enough that a stray header over noise fails.
constexpr std::uint64_t kTrialOutput = 4096;

bool valid_header(std::uint8_t cmf, std::uint8_t flg) {
  return (cmf & 0x0f) == kMethodDeflate && (cmf >> 4) <= kMaxCinfo && (flg & kFlagDict) == 0 &&
         (cmf * 256U + flg) % 31 == 0;
}

/// Every header valid_header() accepts, as two-byte magics.
struct MagicTable {
  static constexpr std::size_t kMax = 64;
  std::array<std::array<char, 2>, kMax> bytes{};
  std::array<Magic, kMax> magics{};
  std::size_t count = 0;

  MagicTable() {
    for (unsigned cinfo = 0; cinfo <= kMaxCinfo; ++cinfo) {
      auto cmf = static_cast<std::uint8_t>(cinfo << 4 | kMethodDeflate);
      for (unsigned flg = 0; flg < 256 && count < kMax; ++flg) {
        if (!valid_header(cmf, static_cast<std::uint8_t>(flg))) continue;
        bytes[count] = {static_cast<char>(cmf), static_cast<char>(flg)};
        magics[count] = Magic{std::string_view(bytes[count].data(), 2), 0};
        ++count;
      }
    }
  }
};

class Zlib final : public Format {
 public:
  std::string_view name() const override { return "zlib"; }

  std::span<const Magic> magics() const override {
    static const MagicTable kTable;
    return std::span<const Magic>(kTable.magics.data(), kTable.count);
  }

  bool carvable() const override { return false; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    auto cmf = r.u8(0);
    auto flg = r.u8(1);
    if (!cmf || !flg) return make_error(Errc::kTruncated, "zlib header truncated");
    if (!valid_header(*cmf, *flg)) return make_error(Errc::kBadMagic, "not a zlib header");
    OutputBudget trial;
    trial.max_bytes = kTrialOutput;
    Decoded d = decode_zlib(data, trial);
    if (d.status == DecodeStatus::kCorrupt)
      return make_error(Errc::kBadMagic, "zlib data does not inflate: " + d.message);
    if (d.status == DecodeStatus::kTruncated && d.bytes.empty()) {
      return make_error(Errc::kTruncated, "zlib stream ends before any output");
    }
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    Decoded d = decode_zlib(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, stream_member_name(sink, {}, ".zlib", "zlib"), name());
  }
};

}  // namespace

const Format& zlib_format() {
  static const Zlib kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
