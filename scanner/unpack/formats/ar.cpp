// ar (Unix archive: static libraries, Debian .deb packages): the global
// header "!<arch>\n", then members, each a 60-byte ASCII header followed by
// its data, padded with "\n" to an even offset. Header fields, space-padded:
// name[16] at 0, mtime[12] 16, uid[6] 28, gid[6] 34, mode[8] 40 (octal),
// size[10] 48 (decimal), and the terminator "`\n" at 58. There is no end
// marker: the archive ends where the members end.
// GNU/SysV archives name their symbol table "/" (64-bit: "/SYM64/") and keep
// long names in a "//" member that later names refer to as "/OFFSET"; BSD
// archives write "#1/LEN" and put the name at the start of the data, and name
// their symbol table "__.SYMDEF". libarchive resolves the names; the symbol
// tables (linker indexes) and the name table are not members and are left out.
#include <string>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/archive_numbers.h"
#include "scanner/unpack/formats/libarchive_reader.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {{"!<arch>\n", 0}};
constexpr std::uint64_t kGlobalHeader = 8;
constexpr std::uint64_t kMemberHeader = 60;

// Bytes the member at `off` occupies (header, data and padding), or 0 when
// no valid header starts there.
std::uint64_t member_span(ByteView data, std::uint64_t off) {
  ByteView h = slice(data, off, kMemberHeader);
  if (h.empty() || h[58] != '`' || h[59] != '\n') return 0;
  auto size = parse_ascii_number(h.subspan(48, 10), 10, FieldPadding::kPadded);
  if (!size) return 0;
  return kMemberHeader + *size + (*size & 1);
}

// The symbol tables, and the long-name table libarchive has already used.
bool is_bookkeeping(std::string_view path) {
  return path == "/" || path == "//" || path == "/SYM64/" || path == "__.SYMDEF" || path == "__.SYMDEF SORTED";
}

struct ArWalk {
  std::uint64_t size = 0;
  std::string problem;
};

ArWalk walk(ByteView data) {
  ArWalk w;
  std::uint64_t off = kGlobalHeader;
  while (off < data.size()) {
    std::uint64_t span = member_span(data, off);
    if (span == 0) break;
    if (span > data.size() - off) {
      // A missing final pad byte is not truncation.
      bool only_pad = span - 1 == data.size() - off && (span & 1) != 0;
      if (!only_pad) w.problem = "member at " + std::to_string(off) + " runs past the end of the data (truncated)";
      off = data.size();
      break;
    }
    off += span;
  }
  w.size = std::min<std::uint64_t>(off, data.size());
  return w;
}

class Ar final : public Format {
 public:
  std::string_view name() const override { return "ar"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    if (!ByteReader(data).matches(0, "!<arch>\n")) return make_error(Errc::kBadMagic, "no ar magic");
    // An empty archive is only the global header; anything else must start
    // with a member header.
    if (data.size() > kGlobalHeader && member_span(data, kGlobalHeader) == 0) {
      return make_error(Errc::kCorrupt, "ar member header invalid");
    }
    return walk(data).size;
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    ArWalk w = walk(data.view());
    if (!w.problem.empty()) sink.warn("ar: " + w.problem);
    if (w.size <= kGlobalHeader) return w.size;  // no members
    return extract_with_libarchive(data, w.size, {name(), ArchiveReader::kAr, &is_bookkeeping}, sink);
  }
};

}  // namespace

const Format& ar_format() {
  static const Ar kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
