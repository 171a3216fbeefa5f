// 7z: a 32-byte signature header, then packed streams, then the "next header"
// (the archive's directory) at the end. Signature header, little-endian:
// magic "7z\xBC\xAF\x27\x1C" at 0, format version major (0) and minor at 6,
// StartHeaderCRC (CRC-32 of the next 20 bytes) at 8, NextHeaderOffset (u64,
// counted from the end of the signature header) at 12, NextHeaderSize (u64)
// at 20, NextHeaderCRC (CRC-32 of the next header) at 28. The archive thus
// occupies 32 + NextHeaderOffset + NextHeaderSize bytes. The next header
// starts with property id 0x01 (Header) or 0x17 (EncodedHeader, itself
// packed). Everything past the signature header is read by libarchive.
#include <zlib.h>

#include <algorithm>
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"7z\xBC\xAF\x27\x1C", 0}};
constexpr std::uint64_t kSignatureHeader = 32;
constexpr std::uint8_t kHeader = 0x01, kEncodedHeader = 0x17;

std::uint32_t crc32_of(ByteView b) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes at most 4 GiB per call.
  while (!b.empty()) {
    auto n = static_cast<uInt>(std::min<std::size_t>(b.size(), UINT32_MAX));
    crc = crc32(crc, b.data(), n);
    b = b.subspan(n);
  }
  return static_cast<std::uint32_t>(crc);
}

// The archive's size from its signature header, after checking both CRCs.
Result<std::uint64_t> archive_size(ByteView data) {
  ByteReader r(data);
  if (!r.matches(0, "7z\xBC\xAF\x27\x1C")) return make_error(Errc::kBadMagic, "no 7z magic");
  auto major = r.u8(6);
  auto start_crc = r.u32(8);
  auto next_offset = r.u64(12);
  auto next_size = r.u64(20);
  auto next_crc = r.u32(28);
  if (!major || !start_crc || !next_offset || !next_size || !next_crc) {
    return make_error(Errc::kTruncated, "7z signature header truncated");
  }
  if (*major != 0) return make_error(Errc::kUnsupported, "7z format version " + std::to_string(*major));
  if (crc32_of(data.subspan(12, 20)) != *start_crc) return make_error(Errc::kCorrupt, "7z start header CRC mismatch");
  std::uint64_t room = data.size() - kSignatureHeader;
  if (*next_offset > room || *next_size > room - *next_offset) {
    return make_error(Errc::kTruncated, "7z header lies past the end of the data (truncated)");
  }
  if (*next_size == 0) return kSignatureHeader + *next_offset;  // an empty archive
  ByteView next = data.subspan(kSignatureHeader + *next_offset, *next_size);
  if (next[0] != kHeader && next[0] != kEncodedHeader) return make_error(Errc::kCorrupt, "7z next header type invalid");
  if (crc32_of(next) != *next_crc) return make_error(Errc::kCorrupt, "7z next header CRC mismatch");
  return kSignatureHeader + *next_offset + *next_size;
}

class SevenZip final : public Format {
 public:
  std::string_view name() const override { return "7z"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override { return archive_size(data); }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto size = archive_size(data.view());
    if (!size) return make_error(size.error().code, "7z: " + size.error().message);
    return extract_with_libarchive(data, *size, {name(), ArchiveReader::kSevenZip, nullptr}, sink);
  }
};

}  // namespace

const Format& sevenzip_format() {
  static const SevenZip kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
