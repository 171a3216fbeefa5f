// SquashFS 4.0 in either byte order, read by squashfs_image.cpp with
// libsquashfs's decompressors; the legacy versions 2.x and 3.x are
// recognised and sized but not extracted.
//
// Version 4 layout, all fields little endian (see the end of this comment
// for big-endian images). A 96-byte superblock: magic
// "hsqs" at 0, inode count at 4, mtime at 8, block size at 12 (a power of two
// from 4 KiB to 1 MiB), fragment count at 16, compressor id at 20 (1 gzip,
// 2 lzma, 3 lzo, 4 xz, 5 lz4, 6 zstd), log2 of the block size at 22, flags
// at 24, id count at 26, major 4 at 28, minor 0 at 30, the root inode
// reference at 32, bytes used at 40, then the u64 starts of the id, xattr
// id, inode, directory, fragment and export tables (all-ones when absent).
// What follows, in mksquashfs's order: optional compressor options, file
// data and fragment blocks, the inode table, the directory table, and the
// fragment, export, id and xattr tables. Those last four are indexes of u64
// pointers to the metadata blocks that hold them, and the superblock points
// at the indexes. mksquashfs pads the image with zeros to a multiple of
// 4 KiB past bytes used.
//
// Metadata blocks start with a u16: bit 15 set when stored uncompressed, the
// low 15 bits the stored size; each holds at most 8 KiB once decompressed.
// An inode reference is (metadata block start - inode table start) << 16 |
// offset in the decompressed block. An inode is a 16-byte header (type 1-7
// for dir, file, symlink, block and char device, fifo, socket; 8-14 the
// extended forms; mode; uid and gid indexes; mtime; inode number) and a
// per-type body. A directory's body locates its listing in the directory
// table: runs of a 12-byte header (entry count - 1, the metadata block of the
// entries' inodes, a base inode number), each followed by entries (offset of
// the inode in that block, inode number delta, type, name length - 1, name).
// A file's body gives the start of its data, its size, a fragment index and
// offset, and one u32 per data block: the stored size, with bit 24 set when
// the block is stored uncompressed, 0 for a sparse block. The file's last
// partial block may instead sit in a shared fragment block, found through
// the fragment table (entries of u64 start, u32 size word, u32 unused).
// Hard links share one inode: several directory entries name the same
// reference.
//
// The legacy formats keep the magic and the major version at offset 28;
// 3.x stores bytes used as a u64 at 63, 2.x as a u32 at 8, and both the block
// size as a u32 at 51 with its log2 as a u16 at 34. An image written on a
// big-endian host stores every field big endian, so its magic reads "sqsh":
// Linux reads only little-endian 4.0, but vendor kernels for big-endian
// SoCs carried patches for the other order. Every multi-byte field of the
// superblock, the metadata block headers, the inodes, directory listings
// and the fragment, export, id and xattr tables and their indexes is then
// byte-swapped; data blocks and compressed payloads are not.
#include <algorithm>
#include <bit>
#include <unordered_map>
#include <unordered_set>

#include "scanner/unpack/format.h"
#include "scanner/unpack/formats/fs_extract_guard.h"
#include "scanner/unpack/formats/squashfs_image.h"

namespace pedigree::unpack {
namespace {

using squashfs::DirEntry;
using squashfs::Image;
using squashfs::Inode;
using squashfs::InodeType;
using squashfs::kNoTable;
using squashfs::kSuperSize;
using squashfs::Super;

constexpr Magic kMagics[] = {{"hsqs", 0}, {"sqsh", 0}};
constexpr std::uint64_t kPadAlign = 4096;
/// Directories nested deeper than this are not entered.
constexpr std::uint32_t kMaxDepth = 256;
/// Directory entries read from one image, whatever its inode count says.
constexpr std::uint64_t kMaxEntries = 1ULL << 22;

std::string hex(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), kDigits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return "0x" + s;
}

bool is_table(std::uint64_t start, const Super& s) {
  return start == kNoTable || (start >= s.dir_table && start < s.bytes_used);
}

Status validate_v4(const Super& s) {
  auto bad = [](const char* what) { return make_error(Errc::kBadMagic, std::string("squashfs: ") + what); };
  if (!std::has_single_bit(s.block_size) || s.block_size < 4096 || s.block_size > (1U << 20) ||
      s.block_log != std::countr_zero(s.block_size)) {
    return bad("block size out of range");
  }
  if (s.compression < 1 || s.compression > 6) return bad("unknown compressor");
  if (s.inode_count == 0) return bad("no inodes");
  if (s.inode_table < kSuperSize || s.inode_table >= s.dir_table || s.dir_table >= s.bytes_used) {
    return bad("inode or directory table out of place");
  }
  if (s.id_table == kNoTable || !is_table(s.id_table, s) || !is_table(s.fragment_table, s) ||
      !is_table(s.export_table, s) || !is_table(s.xattr_table, s)) {
    return bad("table start past the end of the image");
  }
  if ((s.root_ref & 0xffff) >= squashfs::kMetaBlockSize || (s.root_ref >> 16) >= s.dir_table - s.inode_table) {
    return bad("root inode outside the inode table");
  }
  return Ok{};
}

Result<Super> parse_legacy(const ByteReader& r, Super s) {
  auto block_size = r.u32(51);
  auto block_log = r.u16(34);
  auto used = s.major == 3 ? r.u64(63) : std::optional<std::uint64_t>(r.u32(8));
  if (!block_size || !block_log || !used || !*used)
    return make_error(Errc::kTruncated, "squashfs superblock truncated");
  s.block_size = *block_size;
  s.block_log = *block_log;
  s.bytes_used = *used;
  if (s.minor > 1 || !std::has_single_bit(s.block_size) || s.block_size < 4096 || s.block_size > (1U << 20) ||
      s.block_log != std::countr_zero(s.block_size) || s.bytes_used < kSuperSize) {
    return make_error(Errc::kBadMagic, "squashfs: legacy superblock fields out of range");
  }
  return s;
}

Result<Super> parse_super(ByteView data) {
  Endian endian = Endian::kLittle;
  if (ByteReader(data).matches(0, "sqsh")) {
    endian = Endian::kBig;
  } else if (!ByteReader(data).matches(0, "hsqs")) {
    return make_error(Errc::kBadMagic, "not a squashfs superblock");
  }
  ByteReader r(data, endian);
  if (data.size() < kSuperSize) return make_error(Errc::kTruncated, "squashfs superblock truncated");
  Super s;
  s.endian = endian;
  s.major = *r.u16(28);
  s.minor = *r.u16(30);
  if (s.major == 2 || s.major == 3) return parse_legacy(r, s);
  if (s.major != 4 || s.minor != 0) return make_error(Errc::kBadMagic, "squashfs: unknown version");
  s.inode_count = *r.u32(4);
  s.block_size = *r.u32(12);
  s.fragment_count = *r.u32(16);
  s.compression = *r.u16(20);
  s.block_log = *r.u16(22);
  s.flags = *r.u16(24);
  s.id_count = *r.u16(26);
  s.root_ref = *r.u64(32);
  s.bytes_used = *r.u64(40);
  s.id_table = *r.u64(48);
  s.xattr_table = *r.u64(56);
  s.inode_table = *r.u64(64);
  s.dir_table = *r.u64(72);
  s.fragment_table = *r.u64(80);
  s.export_table = *r.u64(88);
  if (auto st = validate_v4(s); !st) return st.error();
  return s;
}

/// bytes_used, extended over mksquashfs's zero padding when it is there.
std::uint64_t instance_size(const Super& s, ByteView data) {
  std::uint64_t padded = align_up(s.bytes_used, kPadAlign);
  if (padded > data.size()) return s.bytes_used;
  ByteView pad = data.subspan(s.bytes_used, padded - s.bytes_used);
  return std::all_of(pad.begin(), pad.end(), [](std::uint8_t b) { return b == 0; }) ? padded : s.bytes_used;
}

/// One extraction: walks the directory tree from the root, depth first,
/// and emits every entry it reaches.
class Walk {
 public:
  Walk(Image& image, Sink& sink, FsExtractGuard& guard)
      : image_(image),
        sink_(sink),
        guard_(guard),
        max_entries_(std::min<std::uint64_t>(kMaxEntries, 4ULL * image.super().inode_count + 1024)) {}

  Status run() {
    std::uint64_t root_ref = image_.super().root_ref;
    auto root = image_.read_inode(root_ref, 0);
    if (!root) return make_error(root.error().code, "squashfs: root inode: " + root.error().message);
    if (root->type != InodeType::kDir) return make_error(Errc::kCorrupt, "squashfs: the root inode is not a directory");
    visited_dirs_.insert(root_ref);
    pending_.push_back({"", *root, 0});
    while (!pending_.empty() && !stop_) {
      Pending dir = std::move(pending_.back());
      pending_.pop_back();
      std::size_t mark = pending_.size();
      auto st = image_.read_dir(dir.inode, [&](DirEntry e) { return visit(dir, std::move(e)); });
      if (!st) {
        guard_.warn("squashfs: directory /" + dir.path + " (listing at " +
                    hex(image_.super().dir_table + dir.inode.dir_block) + " + " + std::to_string(dir.inode.dir_offset) +
                    "): " + st.error().message);
      }
      std::reverse(pending_.begin() + static_cast<std::ptrdiff_t>(mark), pending_.end());  // keep listing order
    }
    return Ok{};
  }

  std::uint64_t members() const { return members_; }

 private:
  struct Pending {
    std::string path;
    Inode inode;
    std::uint32_t depth = 0;
  };
  struct Emitted {
    std::string path;
    std::uint32_t mode = 0;
  };

  bool visit(const Pending& parent, DirEntry e) {
    if (stop_ || !guard_.in_time()) {
      stop_ = true;
      return false;
    }
    if (++entries_ > max_entries_) {
      stop_ = true;
      return guard_.stop("squashfs: more than " + std::to_string(max_entries_) +
                         " directory entries: remaining members not extracted");
    }
    std::string path = parent.path.empty() ? e.name : parent.path + "/" + e.name;
    if (auto it = files_.find(e.inode_ref); it != files_.end()) {
      return emit({path, EntryKind::kHardlink, it->second.mode, it->second.path}, Blob());
    }
    auto inode = image_.read_inode(e.inode_ref, guard_.file_budget());
    if (!inode) {
      guard_.warn("squashfs: /" + path + ": inode " + hex(e.inode_ref) + ": " + inode.error().message);
      return true;
    }
    switch (inode->type) {
      case InodeType::kDir: return enter(parent, std::move(path), e.inode_ref, std::move(*inode));
      case InodeType::kFile: return emit_file(std::move(path), e.inode_ref, *inode);
      case InodeType::kSymlink: return emit({path, EntryKind::kSymlink, inode->mode, inode->target}, Blob());
      default: return emit({path, EntryKind::kSpecial, inode->mode, {}}, Blob());
    }
  }

  bool enter(const Pending& parent, std::string path, std::uint64_t ref, Inode inode) {
    if (!emit({path, EntryKind::kDir, inode.mode, {}}, Blob())) return false;
    if (parent.depth + 1 >= kMaxDepth) {
      guard_.warn("squashfs: /" + path + ": directories nested deeper than " + std::to_string(kMaxDepth) +
                  " levels: not entered");
    } else if (!visited_dirs_.insert(ref).second) {
      guard_.warn("squashfs: /" + path + ": directory inode " + hex(ref) + " is listed twice (a loop): not entered");
    } else {
      pending_.push_back({std::move(path), std::move(inode), parent.depth + 1});
    }
    return true;
  }

  bool emit_file(std::string path, std::uint64_t ref, const Inode& inode) {
    std::uint64_t max = guard_.file_budget();
    if (max == 0 && inode.file_size != 0) {
      stop_ = true;
      return guard_.stop("squashfs: output limit reached at /" + path + ": remaining members not extracted");
    }
    squashfs::FileData fd = image_.read_file(inode, max);
    std::string kept = "kept " + std::to_string(fd.bytes.size()) + " of " + std::to_string(inode.file_size) + " bytes";
    if (!fd.problem.empty()) {
      guard_.warn("squashfs: /" + path + ": " + fd.problem + " (" + kept + ")");
    } else if (inode.file_size > max) {
      guard_.warn("squashfs: /" + path + ": larger than the output limit (" + kept + ")");
    }
    bool more = guard_.produced(fd.bytes.size());
    files_.emplace(ref, Emitted{path, inode.mode});
    bool added = emit({std::move(path), EntryKind::kFile, inode.mode, {}}, Blob::from_vector(std::move(fd.bytes)));
    if (!more) stop_ = true;
    return added && more;
  }

  bool emit(Entry e, Blob data) {
    ++members_;
    if (!sink_.add(std::move(e), std::move(data))) stop_ = true;
    return !stop_;
  }

  Image& image_;
  Sink& sink_;
  FsExtractGuard& guard_;
  std::uint64_t max_entries_;
  std::uint64_t entries_ = 0;
  std::uint64_t members_ = 0;
  bool stop_ = false;
  std::vector<Pending> pending_;
  std::unordered_set<std::uint64_t> visited_dirs_;
  std::unordered_map<std::uint64_t, Emitted> files_;
};

class Squashfs final : public Format {
 public:
  std::string_view name() const override { return "squashfs"; }
  std::span<const Magic> magics() const override { return kMagics; }

  Result<std::uint64_t> probe(ByteView data) const override {
    auto s = parse_super(data);
    if (!s) return s.error();
    return instance_size(*s, data);
  }

  Result<std::uint64_t> extract(const Blob& data, Sink& sink) const override {
    auto s = parse_super(data.view());
    if (!s) return s.error();
    std::uint64_t size = std::min<std::uint64_t>(instance_size(*s, data.view()), data.size());
    std::string version = std::to_string(s->major) + "." + std::to_string(s->minor);
    if (s->major != 4) {
      sink.warn("squashfs: version " + version + " is not supported (only 4.0): " + std::to_string(size) +
                " bytes not extracted");
      return size;
    }
    if (s->bytes_used > data.size()) {
      sink.warn("squashfs: image truncated: " + std::to_string(data.size()) + " of " + std::to_string(s->bytes_used) +
                " bytes present");
    }
    ByteView image_bytes = data.view().subspan(0, std::min<std::uint64_t>(s->bytes_used, data.size()));
    auto image = Image::open(image_bytes, *s);
    if (!image) return make_error(image.error().code, "squashfs: " + image.error().message);
    FsExtractGuard guard(sink, image_bytes.size());
    Walk walk(**image, sink, guard);
    auto st = walk.run();
    if (!st) {
      if (walk.members() == 0) return st.error();
      sink.warn(st.error().message);
    }
    return size;
  }
};

}  // namespace

const Format& squashfs_format() {
  static const Squashfs kFormat;
  return kFormat;
}

}  // namespace pedigree::unpack
