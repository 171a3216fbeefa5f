// cpio: a sequence of members, each a header, the member's NUL-terminated name
// and its data, ended by a member named "TRAILER!!!"; writers then pad the
// archive with zeros to a multiple of 512 bytes. Four header variants:
// - newc "070701" and crc "070702" (SVR4): 110 ASCII bytes, the magic then
//   thirteen 8-digit hex fields: ino, mode, uid, gid, nlink, mtime, filesize,
//   devmajor, devminor, rdevmajor, rdevminor, namesize (with the NUL) and
//   check (crc: the byte sum of the data). The name starts at 110;
//   header+name and data are each padded to a multiple of 4 bytes.
// - odc "070707" (POSIX portable): 76 ASCII bytes, the magic then octal
//   fields dev[6], ino[6], mode[6], uid[6], gid[6], nlink[6], rdev[6],
//   mtime[11], namesize[6], filesize[11]. Name and data follow unpadded.
// - old binary: thirteen 16-bit words in the writing machine's byte order
//   (the magic 070707 reads c7 71 little-endian, 71 c7 big-endian): magic,
//   dev, ino, mode, uid, gid, nlink, rdev, mtime[2], namesize, filesize[2];
//   the two-word values keep their high word first. Header+name and data are
//   each padded to a multiple of 2 bytes.
// The mode word holds the file type in its top bits (S_IFMT); the trailer's
// mode is 0.
#include <optional>
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/archive_numbers.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"070701", 0}, {"070702", 0}, {"070707", 0}, {"\xc7\x71", 0}, {"\x71\xc7", 0}};
constexpr std::uint64_t kNewcHeader = 110, kOdcHeader = 76, kBinHeader = 26;
constexpr std::uint64_t kMaxName = 4096;  // PATH_MAX: cpio writers refuse longer names
constexpr std::uint64_t kPadBlock = 512;
constexpr std::string_view kTrailer = "TRAILER!!!";

enum class Variant { kNewc, kOdc, kBinLittle, kBinBig };

struct Member {
  std::uint64_t mode = 0;
  std::string_view name;
  std::uint64_t next = 0;  // offset after the member's (padded) data
};

std::optional<Variant> variant_of(ByteView data) {
  ByteReader r(data);
  if (r.matches(0, "070701") || r.matches(0, "070702")) return Variant::kNewc;
  if (r.matches(0, "070707")) return Variant::kOdc;
  if (r.matches(0, "\xc7\x71")) return Variant::kBinLittle;
  if (r.matches(0, "\x71\xc7")) return Variant::kBinBig;
  return std::nullopt;
}

std::optional<std::uint64_t> field(ByteView data, std::uint64_t off, std::uint64_t len, unsigned base) {
  ByteView f = slice(data, off, len);
  if (f.empty()) return std::nullopt;
  return parse_ascii_number(f, base, FieldPadding::kNone);
}

// The name at `off`: exactly `size` bytes with the NUL last and nowhere else.
std::optional<std::string_view> name_at(ByteView data, std::uint64_t off, std::uint64_t size) {
  if (size < 2 || size > kMaxName) return std::nullopt;
  ByteView b = slice(data, off, size);
  if (b.empty() || b[size - 1] != 0) return std::nullopt;
  auto s = as_chars(b.first(size - 1));
  if (s.find('\0') != std::string_view::npos) return std::nullopt;
  return s;
}

std::optional<Member> parse_ascii(ByteView data, std::uint64_t off, Variant v) {
  bool newc = v == Variant::kNewc;
  ByteReader r(data);
  if (!(newc ? r.matches(off, "07070") && (r.matches(off + 5, "1") || r.matches(off + 5, "2"))
             : r.matches(off, "070707"))) {
    return std::nullopt;
  }
  auto mode = newc ? field(data, off + 14, 8, 16) : field(data, off + 18, 6, 8);
  auto namesize = newc ? field(data, off + 94, 8, 16) : field(data, off + 59, 6, 8);
  auto filesize = newc ? field(data, off + 54, 8, 16) : field(data, off + 65, 11, 8);
  if (!mode || !namesize || !filesize) return std::nullopt;
  std::uint64_t name_off = off + (newc ? kNewcHeader : kOdcHeader);
  auto name = name_at(data, name_off, *namesize);
  if (!name) return std::nullopt;
  std::uint64_t data_off = name_off + *namesize;
  if (newc) data_off = align_up(data_off, 4);
  std::uint64_t end = data_off + *filesize;  // both terms are below 2^33
  return Member{*mode, *name, newc ? align_up(end, 4) : end};
}

std::optional<Member> parse_binary(ByteView data, std::uint64_t off, Variant v) {
  ByteReader r(data, v == Variant::kBinLittle ? Endian::kLittle : Endian::kBig);
  auto magic = r.u16(off);
  auto mode = r.u16(off + 6);
  auto namesize = r.u16(off + 20);
  auto size_hi = r.u16(off + 22);
  auto size_lo = r.u16(off + 24);
  if (!magic || *magic != 070707 || !mode || !namesize || !size_hi || !size_lo) return std::nullopt;
  auto name = name_at(data, off + kBinHeader, *namesize);
  if (!name) return std::nullopt;
  // Two stray bytes make a candidate, so the name must look like one.
  for (char c : *name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
  }
  std::uint64_t data_off = align_up(off + kBinHeader + *namesize, 2);
  std::uint64_t filesize = (std::uint64_t{*size_hi} << 16) | *size_lo;
  return Member{*mode, *name, align_up(data_off + filesize, 2)};
}

bool known_file_type(std::uint64_t mode) {
  switch (mode & 0170000) {
    case 0100000:
    case 0040000:
    case 0120000:
    case 0020000:
    case 0060000:
    case 0010000:
    case 0140000: return mode <= 0177777;
    default: return false;
  }
}

std::optional<Member> parse_member(ByteView data, std::uint64_t off, Variant v) {
  auto m = v == Variant::kNewc || v == Variant::kOdc ? parse_ascii(data, off, v) : parse_binary(data, off, v);
  if (m && m->name != kTrailer && !known_file_type(m->mode)) return std::nullopt;
  return m;
}

struct CpioWalk {
  std::uint64_t size = 0;  // bytes the instance occupies (clamped to the input)
  std::string problem;     // why the walk ended early, empty when it reached the trailer
};

CpioWalk walk(ByteView data, Variant v) {
  CpioWalk w;
  std::uint64_t off = 0;
  for (;;) {
    auto m = parse_member(data, off, v);
    if (!m) {
      w.size = off;
      w.problem = off >= data.size() ? "ends at " + std::to_string(off) + " without a trailer"
                                     : "no valid header at " + std::to_string(off) + "; the archive ends there";
      return w;
    }
    if (m->next > data.size()) {
      w.size = data.size();
      w.problem =
          m->name == kTrailer ? "" : "member at " + std::to_string(off) + " runs past the end of the data (truncated)";
      return w;
    }
    off = m->next;
    if (m->name == kTrailer) break;
  }
  std::uint64_t padded = align_up(off, kPadBlock);
  ByteView pad = slice(data, off, padded - off);
  w.size = pad.size() == padded - off && all_zero(pad) ? padded : off;
  return w;
}

class Cpio final : public Format {
 public:
  std::string_view name() const override { return "cpio"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto v = variant_of(data);
    if (!v) return make_error(Errc::kBadMagic, "no cpio magic");
    if (!parse_member(data, 0, *v)) return make_error(Errc::kCorrupt, "cpio header invalid");
    return walk(data, *v).size;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto v = variant_of(data.view());
    if (!v) return make_error(Errc::kBadMagic, "cpio: no magic");
    CpioWalk w = walk(data.view(), *v);
    if (w.size == 0) return make_error(Errc::kCorrupt, "cpio: no valid header");
    if (!w.problem.empty()) sink.warn("cpio: " + w.problem);
    return extract_with_libarchive(data, w.size, {name(), ArchiveReader::kCpio, nullptr}, sink);
  }
};

}  // namespace

const Format& cpio_format() {
  static const Cpio kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
