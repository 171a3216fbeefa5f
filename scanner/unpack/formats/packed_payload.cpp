#include "scanner/unpack/formats/packed_payload.h"

#include <array>
#include <bit>
#include <cstring>

#include "scanner/unpack/decode/decode.h"

namespace pedigree::unpack {
namespace {

// A trial decode stops after this much output: enough to tell a real stream
// from a stray magic, cheap enough to try many candidates.
constexpr std::uint64_t kTrialOutput = 4096;
// LZ4 legacy frames cut the input into blocks that decode to at most 8 MiB.
constexpr std::uint64_t kLz4LegacyBlockOut = 8ULL << 20;
constexpr std::uint64_t kLz4LegacyBlockInMax = kLz4LegacyBlockOut + kLz4LegacyBlockOut / 255 + 16;

bool starts_with(ByteView data, std::string_view magic) {
  return data.size() >= magic.size() && std::memcmp(data.data(), magic.data(), magic.size()) == 0;
}

bool is_hex(ByteView b) {
  for (auto c : b) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

// LZMA-alone has no magic: properties byte, dictionary size, uncompressed
// size. Encoders write 0x5d (lc=3 lp=0 pb=2), a dictionary of 2^n or
// 2^n + 2^(n-1) bytes, and either the real size or all ones.
bool plausible_lzma_alone(ByteView data) {
  ByteReader r(data);
  auto props = r.u8(0);
  auto dict = r.u32(1);
  auto size = r.u64(5);
  if (!props || !dict || !size || *props != 0x5d) return false;
  if (*dict < 4096 || *dict > (3U << 29)) return false;
  std::uint32_t top = std::bit_floor(*dict);
  if (*dict != top && *dict != top + top / 2) return false;
  return *size == UINT64_MAX || *size < (1ULL << 40);
}

bool trial_ok(const Decoded& d) {
  if (d.bytes.empty()) return false;
  if (d.ok() || d.status == DecodeStatus::kLimit) return true;
  // A blob cut short still proves the stream real once enough came out.
  return d.status == DecodeStatus::kTruncated && d.bytes.size() >= 1024;
}

bool lz4_legacy_decodes(ByteView data) {
  ByteReader r(data);
  auto block = r.u32(4);
  if (!block || *block == 0 || *block > kLz4LegacyBlockInMax) return false;
  auto in = r.bytes(8, *block);
  // A payload cut inside its first block cannot be checked: trust the magic.
  if (!in) return data.size() > 8;
  Decoded d = decode_lz4_block(*in, kLz4LegacyBlockOut);
  return d.ok() && !d.bytes.empty();
}

}  // namespace

std::string_view packing_suffix(Packing p) {
  switch (p) {
    case Packing::kGzip: return ".gz";
    case Packing::kBzip2: return ".bz2";
    case Packing::kLzma: return ".lzma";
    case Packing::kXz: return ".xz";
    case Packing::kLzop: return ".lzo";
    case Packing::kLz4Frame:
    case Packing::kLz4Legacy: return ".lz4";
    case Packing::kZstd: return ".zst";
    case Packing::kCpio: return ".cpio";
  }
  return "";
}

std::optional<Packing> sniff_packing(ByteView data) {
  if (starts_with(data, "\x1f\x8b\x08") && data.size() > 3 && (data[3] & 0xe0) == 0) return Packing::kGzip;
  if (starts_with(data, std::string_view("\xfd"
                                         "7zXZ\0",
                                         6)))
    return Packing::kXz;
  if (starts_with(data, "BZh") && data.size() >= 10 && data[3] >= '1' && data[3] <= '9' &&
      std::memcmp(data.data() + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0) {
    return Packing::kBzip2;
  }
  if (starts_with(data, "\x28\xb5\x2f\xfd")) return Packing::kZstd;
  if (starts_with(data, "\x04\x22\x4d\x18")) return Packing::kLz4Frame;
  if (starts_with(data, "\x02\x21\x4c\x18")) return Packing::kLz4Legacy;
  if (starts_with(data, std::string_view("\x89LZO\0\r\n\x1a\n", 9))) return Packing::kLzop;
  if ((starts_with(data, "070701") || starts_with(data, "070702")) && is_hex(slice(data, 6, 8))) return Packing::kCpio;
  if (starts_with(data, "070707") && data.size() >= 12) return Packing::kCpio;
  if (plausible_lzma_alone(data)) return Packing::kLzma;
  return std::nullopt;
}

bool packing_decodes(Packing p, ByteView data) {
  OutputBudget trial;
  trial.max_bytes = kTrialOutput;
  switch (p) {
    case Packing::kGzip: return trial_ok(decode_gzip(data, trial));
    case Packing::kBzip2: return trial_ok(decode_bzip2(data, trial));
    case Packing::kLzma: return trial_ok(decode_lzma_alone(data, trial));
    case Packing::kXz: return trial_ok(decode_xz(data, trial));
    case Packing::kZstd: return trial_ok(decode_zstd(data, trial));
    case Packing::kLz4Frame: return trial_ok(decode_lz4_frame(data, trial));
    case Packing::kLz4Legacy: return lz4_legacy_decodes(data);
    // lzop's nine-byte magic and cpio's hex header are strong enough alone.
    case Packing::kLzop:
    case Packing::kCpio: return sniff_packing(data) == p;
  }
  return false;
}

std::optional<Packing> packing_from_uboot_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Packing>, 6> kNames{{
      {"gzip", Packing::kGzip},
      {"bzip2", Packing::kBzip2},
      {"lzma", Packing::kLzma},
      {"lzo", Packing::kLzop},
      {"lz4", Packing::kLz4Frame},
      {"zstd", Packing::kZstd},
  }};
  for (const auto& [n, p] : kNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

}  // namespace pedigree::unpack
