// tar (POSIX ustar, GNU tar, pax): a sequence of 512-byte header blocks, each
// followed by its member's data rounded up to a multiple of 512, ended by two
// all-zero blocks; writers usually pad the whole to a 10240-byte record.
//
// Header fields are ASCII, NUL- or space-terminated: name[100] at 0, mode[8]
// at 100, uid[8] 108, gid[8] 116, size[12] 124 (octal; base-256 big-endian
// when the first byte has its top bit set, 0xff meaning negative), mtime[12]
// 136, chksum[8] 148, typeflag 156, linkname[100] 157, magic at 257 ("ustar\0"
// + "00" for POSIX, "ustar  \0" for GNU), uname 265, gname 297, devmajor 329,
// devminor 337, prefix[155] 345. GNU keeps sparse maps at 386 instead, with
// an "isextended" byte at 482.
//
// The checksum is the octal sum of all 512 header bytes with the checksum
// field itself counted as eight spaces; some old writers summed signed bytes,
// so either sum is accepted. Type flags: '0' or NUL file, '1' hard link, '2'
// symlink, '3'/'4' character/block device, '5' directory, '6' FIFO, 'x'/'g'
// pax extended headers (a body of "LEN key=value\n" records; "size" replaces
// the next header's size), 'L'/'K' GNU long name/link (the body is the name),
// 'S' GNU sparse (512-byte extension blocks follow the header while the
// previous block's isextended byte is set). Types 2 to 6 carry no data; a hard
// link carries data only in pax archives. Old V7 archives (no magic) are not
// recognised.
#include <optional>
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/archive_numbers.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"ustar", 257}};
constexpr std::uint64_t kBlock = 512;
constexpr std::uint64_t kRecord = 10240;
constexpr std::uint64_t kMaxPaxBody = 1 << 20;  // libarchive refuses larger extension headers

bool checksum_ok(ByteView h) {
  if (h.size() != kBlock) return false;
  auto stored = parse_ascii_number(h.subspan(148, 8), 8, FieldPadding::kPadded);
  if (!stored) return false;
  std::uint64_t sum_unsigned = 8 * ' ';
  std::int64_t sum_signed = 8 * ' ';
  const std::uint8_t* p = h.data();
  for (std::size_t i = 0; i < kBlock; ++i) {
    if (i >= 148 && i < 156) continue;
    sum_unsigned += p[i];
    sum_signed += static_cast<std::int8_t>(p[i]);
  }
  return *stored == sum_unsigned || static_cast<std::int64_t>(*stored) == sum_signed;
}

bool is_gnu(ByteView h) { return ByteReader(h).matches(257, std::string_view("ustar  \0", 8)); }

std::optional<std::uint64_t> size_field(ByteView h) {
  ByteView f = h.subspan(124, 12);
  if ((f[0] & 0x80) == 0) return parse_ascii_number(f, 8, FieldPadding::kPadded);
  if (f[0] == 0xff) return std::nullopt;  // negative
  std::uint64_t v = f[0] & 0x7f;
  for (std::size_t i = 1; i < f.size(); ++i) {
    if (v > (UINT64_MAX >> 8)) return std::nullopt;
    v = (v << 8) | f[i];
  }
  return v;
}

bool valid_header(ByteView h) { return h.size() == kBlock && checksum_ok(h) && size_field(h).has_value(); }

// The "size" record of a pax extended header body, if it has one.
std::optional<std::uint64_t> pax_size(ByteView body) {
  std::optional<std::uint64_t> size;
  std::uint64_t pos = 0;
  while (pos < body.size()) {
    auto rec = as_chars(body.subspan(pos));
    auto space = rec.find(' ');
    if (space == std::string_view::npos || space == 0 || space > 7) break;
    auto len = parse_ascii_number(as_bytes(rec.substr(0, space)), 10, FieldPadding::kNone);
    if (!len || *len <= space || *len > rec.size()) break;
    auto kv = rec.substr(space + 1, *len - space - 1);
    if (kv.starts_with("size=") && kv.ends_with('\n')) {
      size = parse_ascii_number(as_bytes(kv.substr(5, kv.size() - 6)), 10, FieldPadding::kNone);
    }
    pos += *len;
  }
  return size;
}

struct TarWalk {
  std::uint64_t size = 0;  // bytes the instance occupies (clamped to the input)
  std::string problem;     // why the walk ended early, empty when it saw the end blocks
};

// Bytes from `off` up to the end blocks, plus the record padding when present.
std::uint64_t end_blocks(ByteView data, std::uint64_t off) {
  off += kBlock;
  if (all_zero(slice(data, off, kBlock)) && in_bounds(off, kBlock, data.size())) off += kBlock;
  std::uint64_t record_end = (off + kRecord - 1) / kRecord * kRecord;  // not a power of two
  ByteView pad = slice(data, off, record_end - off);
  if (record_end > off && pad.size() == record_end - off && all_zero(pad)) off = record_end;
  return off;
}

// Where the data after the header at `off` starts (past any sparse extension
// blocks) and how long it is.
struct Body {
  std::uint64_t start = 0;
  std::uint64_t length = 0;
};

Body body_of(ByteView data, std::uint64_t off, std::uint64_t size, std::optional<std::uint64_t> pax_override,
             bool pax_seen) {
  ByteView h = data.subspan(off, kBlock);
  Body b{off + kBlock, pax_override.value_or(size)};
  switch (h[156]) {
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
      if (!pax_override) b.length = 0;
      break;
    case '1':
      // Traditional readers ignore a hard link's size; pax obeys it. Without
      // a pax header, a valid header right after means the size is bogus.
      if (pax_override || b.length == 0) break;
      if (is_gnu(h) || (!pax_seen && valid_header(slice(data, off + kBlock, kBlock)))) b.length = 0;
      break;
    case 'S':
      for (bool more = h[482] != 0; more;) {
        ByteView ext = slice(data, b.start, kBlock);
        if (ext.empty()) break;
        b.start += kBlock;
        more = ext[504] != 0;
      }
      break;
    default: break;
  }
  return b;
}

TarWalk walk(ByteView data) {
  TarWalk w;
  std::uint64_t off = 0;
  std::optional<std::uint64_t> pax_override;
  bool pax_seen = false;
  for (;;) {
    ByteView h = slice(data, off, kBlock);
    if (h.empty()) {
      w.size = off;
      w.problem = "ends at " + std::to_string(off) + " without the end-of-archive blocks";
      return w;
    }
    if (all_zero(h)) {
      w.size = end_blocks(data, off);
      return w;
    }
    auto size = valid_header(h) ? size_field(h) : std::nullopt;
    if (!size) {
      w.size = off;
      w.problem = "no valid header at " + std::to_string(off) + "; the archive ends there";
      return w;
    }
    std::uint8_t type = h[156];
    bool extension = type == 'x' || type == 'g' || type == 'L' || type == 'K';
    Body b = body_of(data, off, *size, extension ? std::nullopt : pax_override, pax_seen);
    if (type == 'x' || type == 'g') {
      pax_seen = true;
      if (type == 'x') pax_override = pax_size(slice(data, b.start, std::min<std::uint64_t>(*size, kMaxPaxBody)));
    } else if (!extension) {
      pax_override.reset();
    }
    std::uint64_t next = align_up(b.start + std::min<std::uint64_t>(b.length, data.size()), kBlock);
    if (b.length > data.size() || next > data.size()) {
      w.size = data.size();
      w.problem = "member at " + std::to_string(off) + " runs past the end of the data (truncated)";
      return w;
    }
    off = next;
  }
}

class Tar final : public Format {
 public:
  std::string_view name() const override { return "tar"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    ByteView h = slice(data, 0, kBlock);
    if (h.empty()) return make_error(Errc::kTruncated, "tar header truncated");
    if (!ByteReader(h).matches(257, "ustar")) return make_error(Errc::kBadMagic, "no ustar magic");
    if (!checksum_ok(h)) return make_error(Errc::kCorrupt, "tar header checksum mismatch");
    if (!size_field(h)) return make_error(Errc::kCorrupt, "tar header size field invalid");
    return walk(data).size;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    TarWalk w = walk(data.view());
    if (w.size == 0) return make_error(Errc::kCorrupt, "tar: no valid header");
    if (!w.problem.empty()) sink.warn("tar: " + w.problem);
    return extract_with_libarchive(data, w.size, {name(), ArchiveReader::kTar, nullptr}, sink);
  }
};

}  // namespace

const Format& tar_format() {
  static const Tar kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
