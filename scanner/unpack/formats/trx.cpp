// Broadcom TRX firmware container (routers on Broadcom SoCs). A
// little-endian header:
//
//    0  magic "HDR0"
//    4  length of the whole container, header included
//    8  CRC-32 over bytes 12 .. length: the reflected IEEE polynomial seeded
//       with 0xffffffff and without the final inversion (the complement of
//       zlib's crc32)
//   12  flags (low 16 bits) and version (high 16 bits): 1 or 2
//   16  partition offsets from the start of the header: three in version 1
//       (loader, kernel, root file system), four in version 2 (a vendor
//       header partition follows); unused slots are zero
//
// Partition i runs from its offset to the next used offset, the last one to
// the container's length. Partitions are emitted as stored, named by slot
// ("part0" … "part3"), so an unused loader slot does not renumber the rest.
#include <fmt/format.h>

#include <array>

#include "scanner/core/hash.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"HDR0", 0}};
constexpr std::uint64_t kCrcStart = 12, kOffsetsAt = 16;
constexpr std::size_t kMaxParts = 4;

struct Header {
  std::uint32_t length = 0;
  std::uint32_t crc = 0;
  std::uint32_t version = 0;
  std::uint32_t header_size = 0;
  std::array<std::uint32_t, kMaxParts> offsets{};  ///< used (non-zero) offsets only, ascending
  std::array<std::size_t, kMaxParts> slots{};      ///< header slot of each used offset
  std::size_t parts = 0;
};

// Reads and checks the header fields; the CRC is checked by extract.
Result<Header> read_header(ByteView data) {
  ByteReader r(data);
  auto length = r.u32(4), crc = r.u32(8), flag_version = r.u32(12);
  if (!length || !crc || !flag_version) return make_error(Errc::kTruncated, "trx header truncated");
  if (!r.matches(0, "HDR0")) return make_error(Errc::kBadMagic, "not a trx header");
  Header h{*length, *crc, *flag_version >> 16, 0, {}, {}, 0};
  if (h.version != 1 && h.version != 2) return make_error(Errc::kBadMagic, fmt::format("trx version {}", h.version));
  std::size_t slots = h.version == 1 ? 3 : 4;
  h.header_size = static_cast<std::uint32_t>(kOffsetsAt + 4 * slots);
  if (h.length < h.header_size) return make_error(Errc::kCorrupt, "trx length smaller than its header");
  std::uint32_t prev = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    auto off = r.u32(kOffsetsAt + 4 * i);
    if (!off) return make_error(Errc::kTruncated, "trx header truncated");
    if (*off == 0) continue;
    if (*off < h.header_size || *off >= h.length || *off <= prev) {
      return make_error(Errc::kCorrupt, fmt::format("trx partition offset 0x{:x} out of order or range", *off));
    }
    h.slots[h.parts] = i;
    h.offsets[h.parts++] = prev = *off;
  }
  if (h.parts == 0) return make_error(Errc::kCorrupt, "trx without partitions");
  return h;
}

class Trx final : public Format {
 public:
  std::string_view name() const override { return "trx"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto h = read_header(data);
    if (!h) return h.error();
    if (h->length > data.size()) {
      return make_error(Errc::kTruncated,
                        fmt::format("trx declares {} bytes, only {} present", h->length, data.size()));
    }
    return std::uint64_t{h->length};
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto h = read_header(data.view());
    if (!h) return h.error();
    std::uint64_t length = h->length;
    if (length > data.size()) {
      sink.warn(fmt::format("trx: truncated at {} of {} bytes", data.size(), length));
      length = data.size();
    } else if (std::uint32_t crc = ~crc32_update(0, slice(data.view(), kCrcStart, length - kCrcStart)); crc != h->crc) {
      sink.warn(fmt::format("trx: CRC mismatch (header 0x{:08x}, data 0x{:08x})", h->crc, crc));
    }
    for (std::size_t i = 0; i < h->parts; ++i) {
      std::uint64_t start = h->offsets[i];
      std::uint64_t end = i + 1 < h->parts ? h->offsets[i + 1] : h->length;
      if (start >= length) break;
      Entry e;
      e.path = fmt::format("part{}", h->slots[i]);
      e.offset = start;
      if (!sink.add(std::move(e), data.sub(start, std::min(end, length) - start))) break;
    }
    return length;
  }
};

}  // namespace

const Format& trx_format() {
  static const Trx kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
