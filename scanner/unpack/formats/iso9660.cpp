// ISO 9660 (ECMA-119) CD/DVD images, with Rock Ridge and Joliet extensions
// as libarchive reads them. The first 16 sectors of 2048 bytes are a system
// area; volume descriptors follow from 0x8000, one per sector, and the first
// is the primary volume descriptor: type 1 at 0, "CD001" at 1, version 1 at 6,
// then among others the volume space size (a count of logical blocks) at 80
// and the logical block size at 128. Numbers are stored "both-endian": a u32
// as little-endian then big-endian copies (8 bytes), a u16 likewise (4 bytes);
// the copies must agree. The image occupies volume space size × logical
// block size bytes (block sizes are powers of two from 512 to 2048).
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"CD001", 0x8001}};
constexpr std::uint64_t kPvd = 0x8000;
constexpr std::uint64_t kSector = 2048;

// The image size the primary volume descriptor declares (may exceed the data).
Result<std::uint64_t> declared_size(ByteView data) {
  ByteReader le(data, Endian::kLittle);
  ByteReader be(data, Endian::kBig);
  if (!le.matches(kPvd + 1, "CD001")) return make_error(Errc::kBadMagic, "no CD001 at 0x8001");
  auto type = le.u8(kPvd);
  auto version = le.u8(kPvd + 6);
  auto blocks_le = le.u32(kPvd + 80);
  auto blocks_be = be.u32(kPvd + 84);
  auto block_le = le.u16(kPvd + 128);
  auto block_be = be.u16(kPvd + 130);
  if (!type || !version || !blocks_le || !blocks_be || !block_le || !block_be) {
    return make_error(Errc::kTruncated, "iso9660 volume descriptor truncated");
  }
  if (*type != 1 || *version != 1) return make_error(Errc::kBadMagic, "not a primary volume descriptor");
  if (*blocks_le != *blocks_be || *block_le != *block_be) {
    return make_error(Errc::kCorrupt, "iso9660 both-endian fields disagree");
  }
  std::uint32_t block = *block_le;
  if (block != 512 && block != 1024 && block != 2048) {
    return make_error(Errc::kCorrupt, "iso9660 logical block size " + std::to_string(block));
  }
  std::uint64_t size = std::uint64_t{*blocks_le} * block;
  if (size < kPvd + kSector) return make_error(Errc::kCorrupt, "iso9660 volume smaller than its descriptors");
  return size;
}

class Iso9660 final : public Format {
 public:
  std::string_view name() const override { return "iso9660"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto size = declared_size(data);
    if (!size) return size;
    // A cut image still holds the files before the cut: extract() says so.
    return std::min<std::uint64_t>(*size, data.size());
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto size = declared_size(data.view());
    if (!size) return make_error(size.error().code, "iso9660: " + size.error().message);
    if (*size > data.size()) {
      sink.warn("iso9660: the volume declares " + std::to_string(*size) + " bytes but " + std::to_string(data.size()) +
                " are present (truncated)");
    }
    return extract_with_libarchive(data, *size, {name(), ArchiveReader::kIso9660, nullptr}, sink);
  }
};

}  // namespace

const Format& iso9660_format() {
  static const Iso9660 kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
