// Reading a SquashFS 4 image in either byte order: the block decompressors
// come from libsquashfs, everything else is decoded here.
//
// libsquashfs's own inode, directory and data readers size allocations from
// fields of the image (a file's block count, a link's length, a directory
// index's name length) before checking them against anything, its fragment
// lookup adds two 32-bit offsets without an overflow check, and all of its
// readers, the metadata block reader included, know only little-endian
// images. So only the decompressors come from the library; metadata blocks
// are read by MetaReader (squashfs_meta.cpp) and the fixed-size records are
// decoded here, field by field, in the image's byte order, with every
// length checked before it is used. Data and fragment blocks are the same
// bytes in both byte orders.
#include "scanner/unpack/formats/squashfs_image.h"

#include <sqfs/block.h>
#include <sqfs/compressor.h>
#include <sqfs/error.h>
#include <sqfs/predef.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/formats/squashfs_meta.h"

namespace pedigree::unpack::squashfs {
namespace {

// Symlink targets longer than this are corrupt (Linux allows 4095 bytes).
constexpr std::uint32_t kMaxLinkTarget = 65535;
// Block sizes are read from the inode table in chunks this big, so memory
// grows only with block lists that really are there.
constexpr std::uint64_t kBlockListChunk = 1024;
constexpr std::uint32_t kFragmentsPerBlock = kMetaBlockSize / 16;

struct SqfsDeleter {
  void operator()(void* p) const { sqfs_destroy(p); }
};
template <typename T>
using SqfsPtr = std::unique_ptr<T, SqfsDeleter>;

Error sqfs_error(const char* what, int code) {
  const char* why = "";
  switch (code) {
    case SQFS_ERROR_COMPRESSOR: why = "does not decompress"; break;
    case SQFS_ERROR_OUT_OF_BOUNDS: why = "lies outside its table or the image"; break;
    case SQFS_ERROR_CORRUPTED: why = "is corrupt"; break;
    case SQFS_ERROR_ALLOC: why = "needs more memory than is available"; break;
    default: return make_error(Errc::kCorrupt, std::string(what) + ": libsquashfs error " + std::to_string(code));
  }
  return make_error(code == SQFS_ERROR_OUT_OF_BOUNDS ? Errc::kTruncated : Errc::kCorrupt,
                    std::string(what) + " " + why);
}

// libsquashfs leaves LZO out for licence reasons; this decompressor-only
// object fills the gap with the scanner's own bounded LZO1X decoder.
struct LzoDecompressor {
  sqfs_compressor_t base;
};

sqfs_s32 lzo_do_block(sqfs_compressor_t*, const sqfs_u8* in, sqfs_u32 size, sqfs_u8* out, sqfs_u32 outsize) {
  Decoded d = decode_lzo1x(ByteView(in, size), outsize);
  if (!d.ok() || d.bytes.empty() || d.bytes.size() > outsize) return SQFS_ERROR_COMPRESSOR;
  std::memcpy(out, d.bytes.data(), d.bytes.size());
  return static_cast<sqfs_s32>(d.bytes.size());
}
void lzo_get_configuration(const sqfs_compressor_t*, sqfs_compressor_config_t* cfg) { *cfg = {}; }
int lzo_options(sqfs_compressor_t*, sqfs_file_t*) { return 0; }
void lzo_destroy(sqfs_object_t* obj) { delete reinterpret_cast<LzoDecompressor*>(obj); }

Result<SqfsPtr<sqfs_compressor_t>> make_compressor(const Super& s) {
  if (s.compression == SQFS_COMP_LZO) {
    auto* c = new LzoDecompressor{};
    c->base.base.destroy = lzo_destroy;
    c->base.get_configuration = lzo_get_configuration;
    c->base.write_options = lzo_options;
    c->base.read_options = lzo_options;
    c->base.do_block = lzo_do_block;
    return SqfsPtr<sqfs_compressor_t>(&c->base);
  }
  // Compressor options stored after the superblock only tune compression;
  // decompression needs none of them, so they are not read.
  sqfs_compressor_config_t cfg{};
  sqfs_compressor_t* cmp = nullptr;
  int rc = sqfs_compressor_config_init(&cfg, static_cast<SQFS_COMPRESSOR>(s.compression), s.block_size,
                                       SQFS_COMP_FLAG_UNCOMPRESS);
  if (rc == 0) rc = sqfs_compressor_create(&cfg, &cmp);
  if (rc != 0 || cmp == nullptr) {
    return make_error(Errc::kUnsupported, "compressor " + std::to_string(s.compression) + " is not available");
  }
  return SqfsPtr<sqfs_compressor_t>(cmp);
}

/// The fields of one fixed-size record, read in the image's byte order.
/// Offsets are constants of the layout, inside the record's buffer.
class Fields {
 public:
  Fields(ByteView record, Endian endian) : r_(record, endian) {}
  std::uint16_t u16(std::size_t off) const { return r_.u16(off).value_or(0); }
  std::uint32_t u32(std::size_t off) const { return r_.u32(off).value_or(0); }
  std::uint64_t u64(std::size_t off) const { return r_.u64(off).value_or(0); }

 private:
  ByteReader r_;
};

}  // namespace

struct Image::Parts {
  ByteView data;
  Endian endian = Endian::kLittle;
  SqfsPtr<sqfs_compressor_t> cmp;
  // Declared after cmp, so destroyed before it: the readers borrow it.
  std::unique_ptr<MetaReader> inodes;
  std::unique_ptr<MetaReader> dirs;
  std::unique_ptr<MetaReader> fragments;
  std::optional<std::uint32_t> cached_fragment;
  std::vector<std::uint8_t> fragment_bytes;
  std::vector<std::uint8_t> block;

  Fields fields(ByteView record) const { return Fields(record, endian); }
  Status read_file_body(const Super& s, bool extended, std::uint64_t max_file_bytes, Inode& in);
  Result<std::uint32_t> decompress(ByteView in, bool compressed, std::uint32_t max_out, std::uint8_t* out);
  Result<ByteView> fragment_block(const Super& s, std::uint32_t index);
};

Image::Image(const Super& super, std::unique_ptr<Parts> parts) : super_(super), parts_(std::move(parts)) {}
Image::~Image() = default;

Result<std::unique_ptr<Image>> Image::open(ByteView data, const Super& s) {
  auto parts = std::make_unique<Parts>();
  parts->data = data;
  parts->endian = s.endian;
  auto cmp = make_compressor(s);
  if (!cmp) return cmp.error();
  parts->cmp = std::move(*cmp);
  Parts* p = parts.get();
  BlockDecoder decode = [p](ByteView in, std::uint32_t max_out, std::uint8_t* out) {
    return p->decompress(in, true, max_out, out);
  };
  // Each reader refuses blocks outside the table it reads: inodes lie
  // before the directory table, fragment entries before their index.
  parts->inodes = std::make_unique<MetaReader>(data, s.endian, s.inode_table, s.dir_table, decode);
  parts->dirs = std::make_unique<MetaReader>(data, s.endian, s.dir_table, s.bytes_used, decode);
  std::uint64_t frag_end = s.fragment_table == kNoTable ? kSuperSize : s.fragment_table;
  parts->fragments = std::make_unique<MetaReader>(data, s.endian, kSuperSize, frag_end, decode);
  parts->block.resize(s.block_size);
  return std::unique_ptr<Image>(new Image(s, std::move(parts)));
}

Result<Inode> Image::read_inode(std::uint64_t ref, std::uint64_t max_file_bytes) {
  std::uint64_t block = ref >> 16;
  auto offset = static_cast<std::uint32_t>(ref & 0xffff);
  if (block >= super_.dir_table - super_.inode_table) {
    return make_error(Errc::kCorrupt, "inode reference past the inode table");
  }
  MetaReader& m = *parts_->inodes;
  if (auto st = m.seek(super_.inode_table + block, offset, "inode"); !st) return st.error();
  std::array<std::uint8_t, 40> b{};
  const Fields f = parts_->fields(b);
  if (auto st = m.read(b.data(), 16, "inode header"); !st) return st.error();
  std::uint16_t raw_type = f.u16(0);
  if (raw_type < 1 || raw_type > 14)
    return make_error(Errc::kCorrupt, "unknown inode type " + std::to_string(raw_type));
  Inode in;
  bool extended = raw_type > 7;
  in.type = static_cast<InodeType>(extended ? raw_type - 7 : raw_type);
  in.mode = f.u16(2) & 07777;
  in.number = f.u32(12);
  switch (in.type) {
    case InodeType::kDir: {
      if (auto st = m.read(b.data(), extended ? 24 : 16, "directory inode"); !st) return st.error();
      std::uint64_t size = extended ? f.u32(4) : f.u16(8);
      in.dir_block = extended ? f.u32(8) : f.u32(0);
      in.dir_offset = extended ? f.u16(18) : f.u16(10);
      in.dir_size = size > 3 ? size - 3 : 0;  // the size counts "." and ".." as 3 bytes
      return in;
    }
    case InodeType::kFile: {
      if (auto st = parts_->read_file_body(super_, extended, max_file_bytes, in); !st) return st.error();
      return in;
    }
    case InodeType::kSymlink: {
      if (auto st = m.read(b.data(), 8, "symlink inode"); !st) return st.error();
      std::uint32_t len = f.u32(4);
      if (len > kMaxLinkTarget)
        return make_error(Errc::kCorrupt, "symlink target of " + std::to_string(len) + " bytes");
      in.target.resize(len);
      if (auto st = m.read(in.target.data(), len, "symlink target"); !st) return st.error();
      return in;
    }
    default: return in;  // devices, fifos, sockets: nothing else is needed
  }
}

Status Image::Parts::read_file_body(const Super& s, bool extended, std::uint64_t max_file_bytes, Inode& in) {
  std::array<std::uint8_t, 40> b{};
  const Fields f = fields(b);
  if (auto st = inodes->read(b.data(), extended ? 40 : 16, "file inode"); !st) return st;
  in.blocks_start = extended ? f.u64(0) : f.u32(0);
  in.file_size = extended ? f.u64(8) : f.u32(12);
  in.frag_index = extended ? f.u32(28) : f.u32(4);
  in.frag_offset = extended ? f.u32(32) : f.u32(8);
  in.block_count = in.file_size / s.block_size;
  if (in.file_size % s.block_size != 0 && !in.has_fragment()) ++in.block_count;
  // Only the sizes of the blocks that hold the first max_file_bytes are
  // read, in chunks, so a forged file size cannot make a large allocation.
  std::uint64_t wanted = std::min(in.block_count, max_file_bytes / s.block_size + 1);
  while (in.block_sizes.size() < wanted) {
    std::size_t have = in.block_sizes.size();
    auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kBlockListChunk, wanted - have));
    in.block_sizes.resize(have + n);
    if (auto st = inodes->read(in.block_sizes.data() + have, n * 4, "block list"); !st) return st;
  }
  for (auto& w : in.block_sizes) {
    std::array<std::uint8_t, 4> raw{};
    std::memcpy(raw.data(), &w, 4);
    w = fields(raw).u32(0);
  }
  return Ok{};
}

Status Image::read_dir(const Inode& dir, const std::function<bool(DirEntry)>& visit) {
  if (dir.dir_size == 0) return Ok{};
  MetaReader& m = *parts_->dirs;
  if (dir.dir_block >= super_.bytes_used - super_.dir_table) {
    return make_error(Errc::kCorrupt, "directory listing past the directory table");
  }
  if (auto st = m.seek(super_.dir_table + dir.dir_block, dir.dir_offset, "directory"); !st) return st;
  std::uint64_t left = dir.dir_size;
  std::array<std::uint8_t, 12> h{};
  const Fields f = parts_->fields(h);
  std::array<char, 257> name{};
  while (left > 0) {
    if (left < 12) return make_error(Errc::kCorrupt, "directory listing ends inside a header");
    if (auto st = m.read(h.data(), 12, "directory header"); !st) return st;
    left -= 12;
    std::uint64_t count = std::uint64_t{f.u32(0)} + 1;
    std::uint64_t start_block = f.u32(4);
    if (count > 256) return make_error(Errc::kCorrupt, "directory header with " + std::to_string(count) + " entries");
    for (std::uint64_t i = 0; i < count; ++i) {
      if (left < 8) return make_error(Errc::kCorrupt, "directory listing ends inside an entry");
      if (auto st = m.read(h.data(), 8, "directory entry"); !st) return st;
      std::uint32_t len = f.u16(6) + 1U;
      if (len > 256 || left - 8 < len) return make_error(Errc::kCorrupt, "directory entry name runs past the listing");
      if (auto st = m.read(name.data(), len, "directory entry name"); !st) return st;
      left -= 8 + len;
      if (!visit(DirEntry{std::string(name.data(), len), (start_block << 16) | f.u16(0)})) return Ok{};
    }
  }
  return Ok{};
}

Result<std::uint32_t> Image::Parts::decompress(ByteView in, bool compressed, std::uint32_t max_out, std::uint8_t* out) {
  if (!compressed) {
    if (in.size() > max_out) return make_error(Errc::kCorrupt, "stored block larger than the block size");
    std::memcpy(out, in.data(), in.size());
    return static_cast<std::uint32_t>(in.size());
  }
  sqfs_s32 n = cmp->do_block(cmp.get(), in.data(), static_cast<sqfs_u32>(in.size()), out, max_out);
  if (n <= 0 || static_cast<std::uint32_t>(n) > max_out) return sqfs_error("data", n < 0 ? n : SQFS_ERROR_COMPRESSOR);
  return static_cast<std::uint32_t>(n);
}

Result<ByteView> Image::Parts::fragment_block(const Super& s, std::uint32_t index) {
  if (cached_fragment == index) return ByteView(fragment_bytes);
  if (index >= s.fragment_count || s.fragment_table == kNoTable) {
    return make_error(Errc::kCorrupt, "fragment " + std::to_string(index) + " is not in the fragment table");
  }
  auto ptr = ByteReader(data, endian).u64(s.fragment_table + 8ULL * (index / kFragmentsPerBlock));
  if (!ptr) return make_error(Errc::kTruncated, "fragment table index is cut off");
  std::array<std::uint8_t, 16> e{};
  const Fields f = fields(e);
  if (auto st = fragments->seek(*ptr, (index % kFragmentsPerBlock) * 16, "fragment table"); !st) return st.error();
  if (auto st = fragments->read(e.data(), 16, "fragment entry"); !st) return st.error();
  std::uint64_t start = f.u64(0);
  std::uint32_t word = f.u32(8);
  std::uint32_t on_disk = word & kBlockSizeMask;
  if (on_disk == 0 || on_disk > s.block_size || !in_bounds(start, on_disk, std::min(s.inode_table, data.size()))) {
    return make_error(Errc::kCorrupt, "fragment block " + std::to_string(index) + " lies outside the data area");
  }
  cached_fragment.reset();
  fragment_bytes.assign(s.block_size, 0);
  auto n =
      decompress(data.subspan(start, on_disk), (word & kBlockUncompressed) == 0, s.block_size, fragment_bytes.data());
  if (!n) return n.error();
  fragment_bytes.resize(*n);
  cached_fragment = index;
  return ByteView(fragment_bytes);
}

FileData Image::read_file(const Inode& file, std::uint64_t max_bytes) {
  FileData fd;
  const std::uint64_t want = std::min(file.file_size, max_bytes);
  const std::uint64_t data_end = std::min(super_.inode_table, parts_->data.size());
  std::uint64_t pos = file.blocks_start;
  for (std::size_t i = 0; i < file.block_sizes.size() && fd.bytes.size() < want; ++i) {
    std::uint64_t expect = std::min<std::uint64_t>(super_.block_size, file.file_size - i * super_.block_size);
    std::uint64_t take = std::min(expect, want - fd.bytes.size());
    std::uint32_t word = file.block_sizes[i];
    std::uint32_t on_disk = word & kBlockSizeMask;
    if (on_disk == 0) {  // a sparse block: zeros, nothing stored
      fd.bytes.resize(fd.bytes.size() + take, 0);
      continue;
    }
    std::string where = "block " + std::to_string(i) + " at offset " + std::to_string(pos);
    if (on_disk > super_.block_size || !in_bounds(pos, on_disk, data_end)) {
      fd.problem = where + " lies outside the data area";
      return fd;
    }
    auto n = parts_->decompress(parts_->data.subspan(pos, on_disk), (word & kBlockUncompressed) == 0, super_.block_size,
                                parts_->block.data());
    if (!n || *n < take) {
      fd.problem = n ? where + " decompressed to " + std::to_string(*n) + " bytes, expected " + std::to_string(expect)
                     : where + ": " + n.error().message;
      return fd;
    }
    fd.bytes.insert(fd.bytes.end(), parts_->block.begin(), parts_->block.begin() + static_cast<std::ptrdiff_t>(take));
    pos += on_disk;
  }
  if (fd.bytes.size() >= want) return fd;
  std::uint64_t tail = file.file_size % super_.block_size;
  if (!file.has_fragment() || tail == 0 || file.block_sizes.size() != file.block_count) {
    fd.problem = "the block list ends before the file does";
    return fd;
  }
  auto frag = parts_->fragment_block(super_, file.frag_index);
  if (!frag) {
    fd.problem = frag.error().message;
    return fd;
  }
  if (!in_bounds(file.frag_offset, tail, frag->size())) {
    fd.problem = "the file's tail lies outside fragment block " + std::to_string(file.frag_index);
    return fd;
  }
  std::uint64_t take = std::min(tail, want - fd.bytes.size());
  fd.bytes.insert(fd.bytes.end(), frag->begin() + file.frag_offset, frag->begin() + file.frag_offset + take);
  return fd;
}

}  // namespace pedigree::unpack::squashfs
