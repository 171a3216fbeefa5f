// CramFS, the compressed ROM file system of older Linux devices.
//
// Layout. A 76-byte superblock: magic 0x28cd3d45 at 0 (stored in the byte
// order of the host that built the image; the magic tells which), the image
// size at 4, flags at 8 (1 = fsid v2: the size and CRC are valid; 2 = sorted
// directories; 0x100 = holes; 0x400 = root not at the usual offset; 0x800 =
// extended block pointers; bits past 0xfff are unknown to the kernel), 4
// reserved bytes, the signature "Compressed ROMFS" at 16, the fsid at 32
// (CRC32, edition, block count, file count), a 16-byte volume name at 48,
// and the root inode at 64. An image made for a boot loader has 512 bytes
// in front of the superblock, and its offsets count them.
//
// An inode is three 32-bit words: mode (16 bits) and uid (16); size (24) and
// gid (8); name length in 4-byte units (6) and offset in 4-byte units (26).
// A little-endian image packs each word from its low bits, a big-endian one
// from its high bits. The name follows the inode, NUL-padded to a multiple
// of 4 bytes. A directory's offset and size give the byte range holding its
// children: inodes with their names, back to back. A regular file's or a
// symlink's offset points at a table of u32 block pointers, one per 4 KiB of
// content; each holds the end offset of its block, the first block starting
// right after the table. A block is a zlib stream that inflates to at most
// 4 KiB; a block of length 0 is a hole of zeros. With extended block
// pointers, bit 31 marks a block stored uncompressed and bit 30 a direct
// pointer (the block's start, shifted right by 2; a compressed direct block
// starts with its u16 length). A symlink's content is its target. Devices
// keep their device number in the size field and have no data.
//
// With fsid v2, the CRC32 covers the image from the superblock to the size
// it records, with the CRC field read as zero.
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <optional>
#include <unordered_set>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/fs_extract_guard.h"

namespace pedigree::unpack {
namespace {

constexpr Magic kMagics[] = {
    {"\x45\x3d\xcd\x28", 0}, {"\x28\xcd\x3d\x45", 0}, {"\x45\x3d\xcd\x28", 512}, {"\x28\xcd\x3d\x45", 512}};
constexpr std::uint32_t kMagic = 0x28cd3d45;
constexpr std::uint32_t kMagicSwapped = 0x453dcd28;
constexpr std::uint64_t kSuperSize = 76;
constexpr std::uint64_t kPadSize = 512;
constexpr std::uint64_t kPage = 4096;
constexpr std::uint32_t kFlagFsidV2 = 0x1;
constexpr std::uint32_t kFlagShiftedRoot = 0x400;
constexpr std::uint32_t kFlagExtBlockPointers = 0x800;
constexpr std::uint32_t kSupportedFlags = 0xfff;
constexpr std::uint32_t kBlockUncompressed = 1U << 31;
constexpr std::uint32_t kBlockDirect = 1U << 30;
constexpr std::uint32_t kTypeMask = 0170000, kTypeDir = 0040000, kTypeFile = 0100000, kTypeLink = 0120000;
/// Directories nested deeper than this are not entered.
constexpr std::uint32_t kMaxDepth = 256;
/// Directory entries read from one image, whatever its file count says.
constexpr std::uint64_t kMaxEntries = 1ULL << 22;
/// Longest symlink target taken (Linux allows 4095 bytes).
constexpr std::uint64_t kMaxLinkTarget = 65535;

struct CramInode {
  std::uint32_t mode = 0;
  std::uint32_t size = 0;
  std::uint64_t name_len = 0;  ///< bytes
  std::uint64_t offset = 0;    ///< bytes from the image start
};

struct CramSuper {
  Endian endian = Endian::kLittle;
  std::uint64_t base = 0;  ///< where the superblock starts (0, or 512 after boot code)
  std::uint32_t size = 0;
  std::uint32_t flags = 0;
  std::uint32_t crc = 0;
  std::uint32_t files = 0;
  CramInode root;

  bool v2() const { return (flags & kFlagFsidV2) != 0; }
};

std::optional<CramInode> read_inode(const ByteReader& r, std::uint64_t off) {
  auto w0 = r.u32(off), w1 = r.u32(off + 4), w2 = r.u32(off + 8);
  if (!w0 || !w1 || !w2) return std::nullopt;
  CramInode in;
  if (r.endian() == Endian::kLittle) {
    in.mode = *w0 & 0xffff;
    in.size = *w1 & 0xffffff;
    in.name_len = (*w2 & 0x3f) * 4ULL;
    in.offset = (*w2 >> 6) * 4ULL;
  } else {
    in.mode = *w0 >> 16;
    in.size = *w1 >> 8;
    in.name_len = (*w2 >> 26) * 4ULL;
    in.offset = (*w2 & 0x3ffffff) * 4ULL;
  }
  return in;
}

Result<CramSuper> parse_super(ByteView data) {
  CramSuper s;
  ByteReader le(data);
  if (le.u32(0) == kMagic || le.u32(0) == kMagicSwapped) {
    s.base = 0;
  } else if (le.u32(kPadSize) == kMagic || le.u32(kPadSize) == kMagicSwapped) {
    s.base = kPadSize;
  } else {
    return make_error(Errc::kBadMagic, "not a cramfs superblock");
  }
  s.endian = le.u32(s.base) == kMagic ? Endian::kLittle : Endian::kBig;
  ByteReader r(data, s.endian);
  auto root = read_inode(r, s.base + 64);
  if (!root) return make_error(Errc::kTruncated, "cramfs superblock truncated");
  s.size = *r.u32(s.base + 4);
  s.flags = *r.u32(s.base + 8);
  s.crc = *r.u32(s.base + 32);
  s.files = *r.u32(s.base + 44);
  s.root = *root;
  auto bad = [](const char* what) { return make_error(Errc::kBadMagic, std::string("cramfs: ") + what); };
  if (!r.matches(s.base + 16, "Compressed ROMFS")) return bad("no signature");
  if ((s.flags & ~kSupportedFlags) != 0) return bad("unknown flags");
  if ((s.root.mode & kTypeMask) != kTypeDir) return bad("the root is not a directory");
  std::uint64_t first = s.base + kSuperSize;
  // The kernel insists on the root listing right after the superblock.
  bool root_ok = (s.flags & kFlagShiftedRoot) != 0 ? s.root.offset >= first : s.root.offset == first;
  if (!root_ok && !(s.root.size == 0 && s.root.offset == 0)) return bad("root directory out of place");
  if (s.v2() && (s.size < first || s.size < s.root.offset + s.root.size || s.files == 0)) {
    return bad("image size out of range");
  }
  return s;
}

/// Where one block of a file lies, and how it is stored.
struct Extent {
  std::uint64_t start = 0;
  std::uint64_t len = 0;
  bool compressed = true;
};

/// One extraction: walks the directory tree from the root, depth first.
class CramWalk {
 public:
  CramWalk(ByteView image, const CramSuper& s, Sink& sink, FsExtractGuard& guard)
      : image_(image), r_(image, s.endian), super_(s), sink_(sink), guard_(guard), end_(s.base + kSuperSize) {
    std::uint64_t by_count = s.v2() ? 4ULL * s.files + 1024 : image.size() / 12 + 1024;
    max_entries_ = std::min(kMaxEntries, by_count);
  }

  void run() {
    visited_.insert(super_.root.offset);
    pending_.push_back({"", super_.root, 0});
    while (!pending_.empty() && !stop_) {
      Pending dir = std::move(pending_.back());
      pending_.pop_back();
      std::size_t mark = pending_.size();
      list(dir);
      std::reverse(pending_.begin() + static_cast<std::ptrdiff_t>(mark), pending_.end());  // keep listing order
    }
  }

  /// The furthest byte any structure reached (the size of an image without fsid v2).
  std::uint64_t end() const { return end_; }

 private:
  struct Pending {
    std::string path;
    CramInode inode;
    std::uint32_t depth = 0;
  };

  void list(const Pending& dir) {
    std::uint64_t pos = dir.inode.offset;
    std::uint64_t end = pos + dir.inode.size;
    while (pos < end && !stop_) {
      if (!guard_.in_time()) {
        stop_ = true;
        return;
      }
      auto in = read_inode(r_, pos);
      if (!in || in->name_len == 0 || end - pos < 12 + in->name_len ||
          !in_bounds(pos + 12, in->name_len, image_.size())) {
        guard_.warn("cramfs: directory /" + dir.path + ": entry at offset " + std::to_string(pos) +
                    " is cut off or has no name");
        return;
      }
      std::string_view raw = as_chars(image_.subspan(pos + 12, in->name_len));
      std::string name(raw.substr(0, raw.find('\0')));
      pos += 12 + in->name_len;
      end_ = std::max(end_, pos);
      if (++entries_ > max_entries_) {
        stop_ = true;
        guard_.stop("cramfs: more than " + std::to_string(max_entries_) +
                    " directory entries: remaining members not extracted");
        return;
      }
      if (name.empty()) {
        guard_.warn("cramfs: directory /" + dir.path + ": entry before offset " + std::to_string(pos) +
                    " has an empty name: skipped");
        continue;
      }
      visit(dir, dir.path.empty() ? name : dir.path + "/" + name, *in);
    }
  }

  void visit(const Pending& parent, std::string path, const CramInode& in) {
    std::uint32_t mode = in.mode & 07777;
    switch (in.mode & kTypeMask) {
      case kTypeDir:
        if (!emit({path, EntryKind::kDir, mode, {}}, Blob()) || in.size == 0) return;
        if (parent.depth + 1 >= kMaxDepth) {
          guard_.warn("cramfs: /" + path + ": directories nested deeper than " + std::to_string(kMaxDepth) +
                      " levels: not entered");
        } else if (!visited_.insert(in.offset).second) {
          guard_.warn("cramfs: /" + path + ": directory at offset " + std::to_string(in.offset) +
                      " is listed twice (a loop): not entered");
        } else {
          pending_.push_back({std::move(path), in, parent.depth + 1});
        }
        return;
      case kTypeFile: emit_file(std::move(path), in, mode); return;
      case kTypeLink: {
        if (in.size > kMaxLinkTarget)
          guard_.warn("cramfs: /" + path + ": symlink target of " + std::to_string(in.size) + " bytes cut short");
        auto target = read_content(path, in, kMaxLinkTarget);
        emit({path, EntryKind::kSymlink, mode, std::string(target.begin(), target.end())}, Blob());
        return;
      }
      default: emit({std::move(path), EntryKind::kSpecial, mode, {}}, Blob()); return;
    }
  }

  void emit_file(std::string path, const CramInode& in, std::uint32_t mode) {
    std::uint64_t max = guard_.file_budget();
    if (max == 0 && in.size != 0) {
      stop_ = true;
      guard_.stop("cramfs: output limit reached at /" + path + ": remaining members not extracted");
      return;
    }
    auto bytes = read_content(path, in, max);
    if (in.size > max) {
      guard_.warn("cramfs: /" + path + ": larger than the output limit (kept " + std::to_string(bytes.size()) + " of " +
                  std::to_string(in.size) + " bytes)");
    }
    bool more = guard_.produced(bytes.size());
    emit({std::move(path), EntryKind::kFile, mode, {}}, Blob::from_vector(std::move(bytes)));
    if (!more) stop_ = true;
  }

  bool emit(Entry e, Blob data) {
    if (!sink_.add(std::move(e), std::move(data))) stop_ = true;
    return !stop_;
  }

  /// Reads the first `max` bytes of a file's or symlink's content; warns
  /// and returns what decoded when a block is damaged.
  std::vector<std::uint8_t> read_content(const std::string& path, const CramInode& in, std::uint64_t max) {
    std::vector<std::uint8_t> out;
    const std::uint64_t want = std::min<std::uint64_t>(in.size, max);
    const std::uint64_t blocks = (std::uint64_t{in.size} + kPage - 1) / kPage;
    for (std::uint64_t i = 0; i < blocks && out.size() < want; ++i) {
      std::uint64_t take = std::min({kPage, in.size - i * kPage, want - out.size()});
      std::string problem = read_block(in, blocks, i, take, out);
      if (!problem.empty()) {
        guard_.warn("cramfs: /" + path + ": block " + std::to_string(i) + ": " + problem + " (kept " +
                    std::to_string(out.size()) + " of " + std::to_string(in.size) + " bytes)");
        break;
      }
    }
    return out;
  }

  /// Appends `take` bytes of block `i` to `out`, or says why it cannot.
  std::string read_block(const CramInode& in, std::uint64_t blocks, std::uint64_t i, std::uint64_t take,
                         std::vector<std::uint8_t>& out) {
    auto ext = extent(in, blocks, i);
    if (!ext) return ext.error().message;
    if (ext->len == 0) {  // a hole
      out.resize(out.size() + take, 0);
      return {};
    }
    if (!in_bounds(ext->start, ext->len, image_.size())) {
      return std::to_string(ext->len) + " bytes at offset " + std::to_string(ext->start) + " run past the image";
    }
    if (ext->len > 2 * kPage) return "stored size of " + std::to_string(ext->len) + " bytes is too large";
    end_ = std::max(end_, ext->start + ext->len);
    ByteView raw = image_.subspan(ext->start, ext->len);
    if (!ext->compressed) {
      if (raw.size() < take) return "stored block shorter than the file";
      out.insert(out.end(), raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(take));
      return {};
    }
    OutputBudget b;
    b.max_bytes = kPage;
    Decoded d = decode_zlib(raw, b);
    std::uint64_t got = std::min<std::uint64_t>(d.bytes.size(), take);
    out.insert(out.end(), d.bytes.begin(), d.bytes.begin() + static_cast<std::ptrdiff_t>(got));
    if (d.status == DecodeStatus::kLimit) return "inflates to more than 4096 bytes";
    if (!d.ok()) return std::string("zlib data ") + to_string(d.status) + ": " + d.message;
    if (got < take) return "block inflates to " + std::to_string(d.bytes.size()) + " bytes only";
    return {};
  }

  Result<Extent> extent(const CramInode& in, std::uint64_t blocks, std::uint64_t i) const {
    auto word = r_.u32(in.offset + 4 * i);
    auto prev = i == 0 ? std::optional<std::uint32_t>(0) : r_.u32(in.offset + 4 * (i - 1));
    if (!word || !prev) return make_error(Errc::kTruncated, "block pointer outside the image");
    const std::uint64_t table_end = in.offset + 4 * blocks;
    if ((super_.flags & kFlagExtBlockPointers) == 0) {
      std::uint64_t start = i == 0 ? table_end : *prev;
      if (*word < start) return make_error(Errc::kCorrupt, "block pointers go backwards");
      return Extent{start, *word - start, true};
    }
    const std::uint32_t flags = kBlockUncompressed | kBlockDirect;
    bool compressed = (*word & kBlockUncompressed) == 0;
    if ((*word & kBlockDirect) != 0) {
      std::uint64_t start = std::uint64_t{*word & ~flags} << 2;
      if (!compressed) return Extent{start, std::min(kPage, in.size - i * kPage), false};
      auto len = r_.u16(start);
      if (!len) return make_error(Errc::kTruncated, "direct block outside the image");
      return Extent{start + 2, *len, true};
    }
    std::uint64_t start = i == 0 ? table_end : std::uint64_t{*prev & ~flags};
    if (i != 0 && (*prev & kBlockDirect) != 0) {  // the previous block was placed directly
      start <<= 2;
      auto len = r_.u16(start);
      if ((*prev & kBlockUncompressed) == 0 && !len) return make_error(Errc::kTruncated, "block outside the image");
      start += (*prev & kBlockUncompressed) != 0 ? kPage : 2 + *len;
    }
    std::uint64_t end = *word & ~flags;
    if (end < start) return make_error(Errc::kCorrupt, "block pointers go backwards");
    return Extent{start, end - start, compressed};
  }

  ByteView image_;
  ByteReader r_;
  const CramSuper& super_;
  Sink& sink_;
  FsExtractGuard& guard_;
  std::uint64_t end_;
  std::uint64_t max_entries_ = 0;
  std::uint64_t entries_ = 0;
  bool stop_ = false;
  std::vector<Pending> pending_;
  std::unordered_set<std::uint64_t> visited_;
};

/// CRC32 of [base, size) with the CRC field taken as zero.
std::uint32_t image_crc(ByteView data, const CramSuper& s) {
  static constexpr std::uint8_t kZero[4] = {};
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, data.data() + s.base, 32);
  crc = crc32(crc, kZero, 4);
  crc = crc32_z(crc, data.data() + s.base + 36, s.size - s.base - 36);
  return static_cast<std::uint32_t>(crc);
}

class Cramfs final : public Format {
 public:
  std::string_view name() const override { return "cramfs"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto s = parse_super(data);
    if (!s) return s.error();
    return s->v2() ? std::uint64_t{s->size} : 0;  // old images: only extraction can tell
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto s = parse_super(data.view());
    if (!s) return s.error();
    ByteView image = data.view();
    if (s->v2() && s->size > image.size()) {
      sink.warn("cramfs: image truncated: " + std::to_string(image.size()) + " of " + std::to_string(s->size) +
                " bytes present");
    } else if (s->v2()) {
      image = image.subspan(0, s->size);
      std::uint32_t crc = image_crc(image, *s);
      if (crc != s->crc) {
        sink.warn("cramfs: CRC32 mismatch (stored " + std::to_string(s->crc) + ", computed " + std::to_string(crc) +
                  "): the image is damaged");
      }
    }
    FsExtractGuard guard(sink, image.size());
    CramWalk walk(image, *s, sink, guard);
    walk.run();
    if (s->v2()) return std::uint64_t{image.size()};
    return std::min<std::uint64_t>(align_up(walk.end(), 4), image.size());
  }
};

}  // namespace

const Format& cramfs_format() {
  static const Cramfs kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
