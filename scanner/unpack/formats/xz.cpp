// xz (.xz container): a 12-byte stream header, blocks, an index and a 12-byte
// stream footer.
//
// Stream header: magic fd 37 7a 58 5a 00, two stream-flag bytes (the first is
// reserved and zero; the second holds the check type in its low nibble and
// zeros above), then the CRC32 of those two flag bytes, little-endian. The
// stream's length is only known once the index and footer are reached, so
// probe returns 0 and extraction reports what the decoder consumed. Stream
// padding (zero bytes after the footer) is left to the carver.
#include "scanner/core/hash.h"
#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{std::string_view("\xfd\x37\x7a\x58\x5a\x00", 6), 0}};
constexpr std::uint64_t kFlagsOffset = 6;
constexpr std::uint64_t kCrcOffset = 8;

class Xz final : public Format {
 public:
  std::string_view name() const override { return "xz"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    if (!r.matches(0, kMagics[0].bytes)) return make_error(Errc::kBadMagic, "not an xz stream");
    auto flags = r.bytes(kFlagsOffset, 2);
    auto stored_crc = r.u32(kCrcOffset);
    if (!flags || !stored_crc) return make_error(Errc::kTruncated, "xz stream header truncated");
    if ((*flags)[0] != 0 || ((*flags)[1] & 0xf0) != 0) {
      return make_error(Errc::kBadMagic, "xz stream flags have reserved bits set");
    }
    if (crc32_update(0, *flags) != *stored_crc) return make_error(Errc::kCorrupt, "xz stream header CRC mismatch");
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    Decoded d = decode_xz(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, stream_member_name(sink, {}, ".xz", "xz"), name());
  }
};

}  // namespace

const Format& xz_format() {
  static const Xz kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
