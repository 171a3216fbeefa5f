#include "scanner/unpack/formats/squashfs_meta.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace pedigree::unpack::squashfs {
namespace {

constexpr std::uint16_t kMetaUncompressed = 0x8000;
constexpr std::uint16_t kMetaSizeMask = 0x7fff;

Error fail(Errc code, const char* what, const std::string& why) {
  return make_error(code, std::string(what) + " " + why);
}

}  // namespace

MetaReader::MetaReader(ByteView data, Endian endian, std::uint64_t start, std::uint64_t limit, BlockDecoder decode)
    : data_(data), endian_(endian), start_(start), limit_(limit), decode_(std::move(decode)) {}

Status MetaReader::load(std::uint64_t block_pos, const char* what) {
  if (block_pos_ != kNoTable && block_pos == block_pos_) return Ok{};
  block_pos_ = kNoTable;
  used_ = 0;
  if (block_pos < start_ || block_pos >= limit_) return fail(Errc::kCorrupt, what, "lies outside its table");
  auto header = ByteReader(data_, endian_).u16(block_pos);
  if (!header) return fail(Errc::kTruncated, what, "lies outside the image");
  std::uint32_t stored = *header & kMetaSizeMask;
  if (stored == 0 || stored > kMetaBlockSize) {
    return fail(Errc::kCorrupt, what, "is in a metadata block of " + std::to_string(stored) + " bytes");
  }
  auto body = slice(data_, block_pos + 2, stored);
  if (body.size() != stored) return fail(Errc::kTruncated, what, "lies outside the image");
  if ((*header & kMetaUncompressed) != 0) {
    std::memcpy(block_.data(), body.data(), stored);
    used_ = stored;
  } else {
    auto n = decode_(body, kMetaBlockSize, block_.data());
    if (!n || *n == 0 || *n > kMetaBlockSize) return fail(Errc::kCorrupt, what, "does not decompress");
    used_ = *n;
  }
  block_pos_ = block_pos;
  next_pos_ = block_pos + 2 + stored;
  return Ok{};
}

Status MetaReader::seek(std::uint64_t block_pos, std::uint32_t offset, const char* what) {
  if (offset >= kMetaBlockSize) return fail(Errc::kCorrupt, what, "offset past a metadata block");
  if (auto st = load(block_pos, what); !st) return st;
  // An offset equal to the block's size points at the start of the next one.
  if (offset > used_) return fail(Errc::kCorrupt, what, "offset past the end of its metadata block");
  offset_ = offset;
  return Ok{};
}

Status MetaReader::read(void* out, std::size_t size, const char* what) {
  auto* dst = static_cast<std::uint8_t*>(out);
  while (size > 0) {
    if (block_pos_ == kNoTable) return fail(Errc::kCorrupt, what, "is read before a seek");
    if (offset_ == used_) {
      if (auto st = load(next_pos_, what); !st) return st;
      offset_ = 0;
    }
    std::size_t n = std::min<std::size_t>(size, used_ - offset_);
    std::memcpy(dst, block_.data() + offset_, n);
    dst += n;
    size -= n;
    offset_ += static_cast<std::uint32_t>(n);
  }
  return Ok{};
}

}  // namespace pedigree::unpack::squashfs
