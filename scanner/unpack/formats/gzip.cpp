// gzip (RFC 1952): 1f 8b, method 8 (deflate), flags, mtime, xfl, os, then the
// optional FEXTRA, FNAME, FCOMMENT and FHCRC fields, deflate data, CRC32 and
// ISIZE. The stored FNAME names the member.
#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/stream_member.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"\x1f\x8b\x08", 0}};
constexpr std::uint8_t kFlagExtra = 0x04, kFlagName = 0x08, kFlagReserved = 0xe0;

class Gzip final : public Format {
 public:
  std::string_view name() const override { return "gzip"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteReader r(data);
    auto flags = r.u8(3);
    auto xfl = r.u8(8);
    auto os = r.u8(9);
    if (!flags || !os) return make_error(Errc::kTruncated, "gzip header truncated");
    // Reserved flag bits set, or an OS code past the defined list, means noise.
    if ((*flags & kFlagReserved) != 0 || (*os > 13 && *os != 255) || (*xfl != 0 && *xfl != 2 && *xfl != 4)) {
      return make_error(Errc::kBadMagic, "gzip header fields out of range");
    }
    return std::uint64_t{0};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    std::string stored = stored_name(data.view());
    Decoded d = decode_gzip(data.view(), sink.budget());
    return emit_stream(std::move(d), sink, stream_member_name(sink, stored, ".gz", "gzip"), name());
  }

 private:
  static std::string stored_name(ByteView data) {
    ByteReader r(data);
    auto flags = r.u8(3).value_or(0);
    if ((flags & kFlagName) == 0) return {};
    std::uint64_t off = 10;
    if ((flags & kFlagExtra) != 0) off += 2 + r.u16(10).value_or(0);
    auto rest = as_chars(tail(data, off)).substr(0, 256);
    auto end = rest.find('\0');
    return end == std::string_view::npos ? std::string() : std::string(rest.substr(0, end));
  }
};

}  // namespace

const Format& gzip_format() {
  static const Gzip kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
