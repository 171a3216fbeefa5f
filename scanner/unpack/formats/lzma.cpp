// LZMA-alone (.lzma), the raw LZMA1 stream with a 13-byte header used for
// kernels, uImage payloads and many vendor root file systems.
//
// Header: one properties byte, (pb * 5 + lp) * 9 + lc, with lc, lp, pb the
// literal context, literal position and position bits; the dictionary size as
// u32 little-endian; the uncompressed size as u64 little-endian, all ones when
// unknown (the stream then ends with an end marker, or simply where the data
// ends, as kernels pack it). The compressed data follows; its first byte, the
// range coder's, is always zero.
//
// There is no magic number, so the magics are the header prefixes encoders
// actually write: the usual properties bytes (0x5d from every lzma tool's
// defaults, and 0x6c/0x6d/0x6e from vendor SDKs) followed by a dictionary size
// of 2^n or 2^n + 2^(n-1) bytes (what encoders round to). Those five bytes
// still occur by chance in binaries, so probe checks the header and then
// decodes the first few KiB: random data fails within a few hundred bytes.
#include <array>
#include <string>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr std::uint8_t kPropsBytes[] = {0x5d, 0x6c, 0x6d, 0x6e};
constexpr int kMinDictLog = 12;  // 4 KiB, the smallest dictionary encoders write
constexpr int kMaxDictLog = 29;  // 512 MiB, far above any firmware encoder's
constexpr std::size_t kDictSizes = 2 * (kMaxDictLog - kMinDictLog) + 1;
constexpr std::uint64_t kHeaderSize = 13;
constexpr std::uint64_t kUnknownSize = UINT64_MAX;
constexpr std::uint64_t kMaxPlausibleSize = 4ULL << 30;
// Output decoded by probe: enough that random data fails, small enough to be
// cheap at every candidate offset.
constexpr std::uint64_t kTrialOutput = 16 * 1024;

/// The dictionary sizes accepted in a header, in magic order.
constexpr std::array<std::uint32_t, kDictSizes> dict_sizes() {
  std::array<std::uint32_t, kDictSizes> out{};
  std::size_t i = 0;
  for (int n = kMinDictLog; n <= kMaxDictLog; ++n) {
    out[i++] = 1U << n;
    if (n < kMaxDictLog) out[i++] = (1U << n) + (1U << (n - 1));
  }
  return out;
}

constexpr auto kDictSizeList = dict_sizes();

bool valid_dict_size(std::uint32_t dict) {
  for (std::uint32_t d : kDictSizeList) {
    if (d == dict) return true;
  }
  return false;
}

/// Storage for the generated magics: props byte + dictionary size LE.
struct MagicTable {
  static constexpr std::size_t kCount = std::size(kPropsBytes) * kDictSizes;
  std::array<std::array<char, 5>, kCount> bytes{};
  std::array<Magic, kCount> magics{};

  MagicTable() {
    std::size_t i = 0;
    for (std::uint8_t props : kPropsBytes) {
      for (std::uint32_t dict : kDictSizeList) {
        bytes[i] = {static_cast<char>(props), static_cast<char>(dict & 0xff), static_cast<char>((dict >> 8) & 0xff),
                    static_cast<char>((dict >> 16) & 0xff), static_cast<char>(dict >> 24)};
        magics[i] = Magic{std::string_view(bytes[i].data(), bytes[i].size()), 0};
        ++i;
      }
    }
  }
};

struct Header {
  std::uint32_t lc = 0, lp = 0, pb = 0;
  std::uint32_t dict = 0;
  std::uint64_t size = kUnknownSize;
};

Result<Header> parse_header(ByteView data) {
  ByteReader r(data);
  auto props = r.u8(0);
  auto dict = r.u32(1);
  auto size = r.u64(5);
  auto first = r.u8(kHeaderSize);
  if (!props || !dict || !size || !first) return make_error(Errc::kTruncated, "lzma header truncated");
  Header h;
  h.lc = *props % 9;
  h.lp = (*props / 9) % 5;
  h.pb = *props / 45;
  h.dict = *dict;
  h.size = *size;
  // liblzma, the decoder behind extraction, needs lc + lp <= 4 (every encoder default is).
  if (*props >= 9 * 5 * 5 || h.lc + h.lp > 4) return make_error(Errc::kBadMagic, "lzma properties out of range");
  if (!valid_dict_size(h.dict)) return make_error(Errc::kBadMagic, "lzma dictionary size implausible");
  if (h.size != kUnknownSize && (h.size == 0 || h.size >= kMaxPlausibleSize)) {
    return make_error(Errc::kBadMagic, "lzma uncompressed size implausible");
  }
  if (*first != 0) return make_error(Errc::kBadMagic, "lzma range coder does not start with zero");
  return h;
}

/// Decodes the first kTrialOutput bytes. A dictionary as large as the output
/// behaves exactly like the stream's own for that output, and costs little.
Status trial_decode(ByteView data, const Header& h) {
  std::uint64_t want = std::min(kTrialOutput, h.size);
  Decoded d =
      decode_lzma_raw(tail(data, kHeaderSize), h.lc, h.lp, h.pb, static_cast<std::uint32_t>(kTrialOutput), want);
  if (d.status == DecodeStatus::kCorrupt) return make_error(Errc::kBadMagic, "lzma data does not decode");
  // An end marker before the size the header announced is a contradiction.
  if (d.status == DecodeStatus::kOk && d.bytes.size() < want && h.size != kUnknownSize) {
    return make_error(Errc::kBadMagic, "lzma stream shorter than its header says");
  }
  if (d.bytes.empty()) return make_error(Errc::kBadMagic, "lzma data decodes to nothing");
  return Ok{};
}

class Lzma final : public Format {
 public:
  std::string_view name() const override { return "lzma"; }

  std::span<const Magic> magics() const override {
    static const MagicTable kTable;
    return kTable.magics;
  }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto h = parse_header(data);
    if (!h) return h.error();
    auto trial = trial_decode(data, *h);
    if (!trial) return trial.error();
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    Decoded d = decode_lzma_alone(data.view(), sink.budget());
    // The decoder takes a stream that runs out of input as complete (kernels
    // omit the end marker); with the size in the header, a shortfall is not.
    std::uint64_t announced = ByteReader(data.view()).u64(5).value_or(kUnknownSize);
    if (d.ok() && announced != kUnknownSize && d.bytes.size() < announced) {
      d.status = DecodeStatus::kTruncated;
      d.message = "input ends after " + std::to_string(d.bytes.size()) + " of " + std::to_string(announced) + " bytes";
    }
    return emit_stream(std::move(d), sink, stream_member_name(sink, {}, ".lzma", "lzma"), name());
  }
};

}  // namespace

const Format& lzma_format() {
  static const Lzma kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
