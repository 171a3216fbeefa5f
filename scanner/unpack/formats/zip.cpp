// zip (PKWARE APPNOTE): each member is a local file header ("PK\3\4") and its
// data (optionally followed by a data descriptor); then comes the central
// directory, one "PK\1\2" record per member, then the end of central
// directory record (EOCD, "PK\5\6"), which is the only way to know the size.
//
// EOCD (22 bytes + comment), little-endian: disk number u16 at 4, directory's
// disk u16 6, entries on this disk u16 8, entries in total u16 10, directory
// size u32 12, directory offset u32 16, comment length u16 20. ZIP64 archives
// put 0xFFFF/0xFFFFFFFF there and the real values in a ZIP64 EOCD record
// ("PK\6\6", record size u64 at 4 counting from byte 12, entries u64 at 32,
// directory size u64 at 40, directory offset u64 at 48) that sits before a
// 20-byte locator ("PK\6\7") right before the EOCD.
// Central directory record (46 bytes + name + extra + comment): name length
// u16 at 28, extra length u16 30, comment length u16 32, local header
// offset u32 42; when that is 0xFFFFFFFF the real offset is in the ZIP64
// extra field (id 0x0001), after whichever of uncompressed size, compressed
// size (u64 each) are 0xFFFFFFFF in the record.
// Offsets count from the start of the file the zip was written to; a
// self-extracting stub before the first local header shifts all of them.
// Local file header (30 bytes + name + extra): version needed u16 at 4,
// flags u16 6, method u16 8, name length u16 26, extra length u16 28.
#include <optional>
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"PK\x03\x04", 0}};
constexpr std::uint64_t kEocd = 22, kLocator = 20, kZip64Eocd = 56, kCdRecord = 46, kLocalHeader = 30;
constexpr std::uint64_t kMaxComment = 0xffff;
constexpr std::uint16_t kReservedFlags = 0xc780;  // bits 7-10, 14, 15
// libarchive needs the stub's bytes to follow a self-extractor's offsets; we
// stand in zeros for stubs up to this size.
constexpr std::uint64_t kMaxStub = 16 << 20;

bool plausible_local_header(ByteView data) {
  ByteReader r(data);
  auto version = r.u16(4);
  auto flags = r.u16(6);
  auto method = r.u16(8);
  auto name_len = r.u16(26);
  if (!r.matches(0, "PK\x03\x04") || !version || !flags || !method || !name_len) return false;
  if ((*version & 0xff) > 63 || (*flags & kReservedFlags) != 0 || *name_len == 0) return false;
  switch (*method) {
    case 0:
    case 1:
    case 6:
    case 8:
    case 9:
    case 12:
    case 14:
    case 18:
    case 19:
    case 93:
    case 95:
    case 96:
    case 97:
    case 98:
    case 99: return in_bounds(kLocalHeader, *name_len, data.size());
    default: return false;
  }
}

struct Directory {
  std::uint64_t start = 0;   // where its first record is in the data
  std::uint64_t end = 0;     // where it ends in the data
  std::uint64_t offset = 0;  // its offset as the EOCD states it
  std::uint64_t entries = 0;
};

// The directory an EOCD at `e` describes (ZIP64 values when a locator sits
// right before it).
std::optional<Directory> directory_of(ByteView data, std::uint64_t e) {
  ByteReader r(data);
  auto disk = r.u16(e + 4);
  auto cd_disk = r.u16(e + 6);
  auto entries = r.u16(e + 10);
  auto size = r.u32(e + 12);
  auto offset = r.u32(e + 16);
  if (!disk || !cd_disk || !entries || !size || !offset || *disk != 0 || *cd_disk != 0) return std::nullopt;
  Directory d{0, e, *offset, *entries};
  std::uint64_t cd_size = *size;
  if (e >= kLocator + kZip64Eocd && r.matches(e - kLocator, "PK\x06\x07")) {
    std::uint64_t z = e - kLocator - kZip64Eocd;
    if (r.matches(z, "PK\x06\x06") && r.u64(z + 4) == kZip64Eocd - 12) {
      d.end = z;
      d.entries = r.u64(z + 32).value_or(0);
      cd_size = r.u64(z + 40).value_or(UINT64_MAX);
      d.offset = r.u64(z + 48).value_or(0);
    }
  }
  if (cd_size > d.end) return std::nullopt;
  d.start = d.end - cd_size;
  return d;
}

// The local header offset of the record at `p` (ZIP64 extra field included).
std::optional<std::uint64_t> local_offset(const ByteReader& r, std::uint64_t p) {
  auto offset = r.u32(p + 42);
  if (!offset) return std::nullopt;
  if (*offset != 0xffffffff) return *offset;
  std::uint64_t skip = (r.u32(p + 24) == 0xffffffffu ? 8 : 0) + (r.u32(p + 20) == 0xffffffffu ? 8 : 0);
  std::uint64_t pos = p + kCdRecord + r.u16(p + 28).value_or(0);
  std::uint64_t end = pos + r.u16(p + 30).value_or(0);
  while (pos + 4 <= end) {
    auto id = r.u16(pos);
    auto len = r.u16(pos + 2);
    if (!id || !len) return std::nullopt;
    if (*id == 0x0001 && skip + 8 <= *len) return r.u64(pos + 4 + skip);
    pos += 4 + *len;
  }
  return std::nullopt;
}

// The bytes before data[0] that the zip's offsets count (a self-extractor
// stub), when the directory's records fill it exactly and the earliest member
// they point to is the local header at data[0].
std::optional<std::uint64_t> directory_fits(ByteView data, const Directory& d) {
  ByteReader r(data);
  std::uint64_t p = d.start, count = 0, first = UINT64_MAX;
  while (p < d.end) {
    if (!r.matches(p, "PK\x01\x02") || d.end - p < kCdRecord) return std::nullopt;
    auto off = local_offset(r, p);
    if (!off) return std::nullopt;
    first = std::min(first, *off);
    p += kCdRecord + r.u16(p + 28).value_or(0) + r.u16(p + 30).value_or(0) + r.u16(p + 32).value_or(0);
    ++count;
  }
  // Writers without ZIP64 let the 16-bit entry count wrap.
  bool count_ok = count == d.entries || (d.entries <= 0xffff && (count & 0xffff) == d.entries);
  if (p != d.end || count == 0 || !count_ok || first > UINT64_MAX - d.start || first + d.start != d.offset) {
    return std::nullopt;
  }
  return first;
}

struct ZipSpan {
  std::uint64_t end = 0;     // where the zip ends in the data
  std::uint64_t prefix = 0;  // stub bytes before data[0] that its offsets count
};

// The zip whose EOCD is at `e`, or nullopt if it does not describe the zip
// starting at data[0].
std::optional<ZipSpan> span_if_valid(ByteView data, std::uint64_t e) {
  auto d = directory_of(data, e);
  auto prefix = d ? directory_fits(data, *d) : std::nullopt;
  if (!prefix) return std::nullopt;
  std::uint64_t comment = ByteReader(data).u16(e + 20).value_or(0);
  return ZipSpan{std::min<std::uint64_t>(e + kEocd + comment, data.size()), *prefix};
}

// Looks for the EOCD first where it sits when the zip ends the data (within
// the maximum comment length of the end), then anywhere after the start.
std::optional<ZipSpan> zip_span(ByteView data) {
  if (data.size() < kLocalHeader + kEocd) return std::nullopt;
  ByteReader r(data);
  std::uint64_t last = data.size() - kEocd;
  std::uint64_t low = last > kMaxComment ? last - kMaxComment : 0;
  for (std::uint64_t e = last + 1; e-- > low;) {
    if (data[e] == 'P' && r.matches(e, "PK\x05\x06")) {
      if (auto span = span_if_valid(data, e)) return span;
    }
  }
  auto hay = as_chars(data.first(low + 3));
  for (auto e = hay.find("PK\x05\x06"); e != std::string_view::npos; e = hay.find("PK\x05\x06", e + 1)) {
    if (auto span = span_if_valid(data, e)) return span;
  }
  return std::nullopt;
}

class Zip final : public Format {
 public:
  std::string_view name() const override { return "zip"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    if (!plausible_local_header(data)) return make_error(Errc::kBadMagic, "zip local header invalid");
    // Without a central directory (a cut or streamed zip) only reading the
    // members in order can tell where it ends.
    auto span = zip_span(data);
    return span ? span->end : 0;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    LibarchiveOptions options{name(), ArchiveReader::kZip, nullptr};
    auto span = zip_span(data.view());
    if (span && span->prefix <= kMaxStub) {
      options.zero_prefix = span->prefix;
      return extract_with_libarchive(data, span->end, options, sink);
    }
    if (span) {
      sink.warn("zip: offsets count from " + std::to_string(span->prefix) +
                " bytes before the zip; reading the members in stored order");
    } else {
      sink.warn("zip: no end of central directory record; reading the members in stored order (truncated?)");
    }
    options.reader = ArchiveReader::kZipStreamed;
    auto r = read_with_libarchive(span ? data.sub(0, span->end) : data, options, sink);
    if (!r) return r.error();
    if (span) return span->end;
    return std::min<std::uint64_t>(std::max<std::uint64_t>(r->consumed, kLocalHeader), data.size());
  }
};

}  // namespace

const Format& zip_format() {
  static const Zip kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
