// Read access to one SquashFS 4 image held in memory, in either byte order,
// built on libsquashfs's decompressors. Everything read from the image is
// checked here before it sizes an allocation or a loop; callers get values
// or errors, never partial structures.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"
#include "scanner/unpack/formats/squashfs_structs.h"

namespace pedigree::unpack::squashfs {

/// What read_file() produced: the bytes, and why it stopped early if it did.
struct FileData {
  std::vector<std::uint8_t> bytes;
  std::string problem;  ///< empty when the file read completely
};

class Image {
 public:
  /// Opens the image; `data` must outlive the Image. Fails when the
  /// compressor is unknown or its libsquashfs object cannot be created.
  static Result<std::unique_ptr<Image>> open(ByteView data, const Super& super);
  ~Image();
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  const Super& super() const { return super_; }
  /// Decodes the inode at a reference (metadata block << 16 | offset). For a
  /// file, reads the sizes of the blocks that hold its first
  /// `max_file_bytes` bytes (the rest is not needed to extract that much).
  Result<Inode> read_inode(std::uint64_t ref, std::uint64_t max_file_bytes);
  /// Calls `visit` for each entry of a directory until it returns false. An
  /// error means the listing broke off (the entries before it were visited).
  Status read_dir(const Inode& dir, const std::function<bool(DirEntry)>& visit);
  /// Reads the first `max_bytes` bytes of a regular file.
  FileData read_file(const Inode& file, std::uint64_t max_bytes);

 private:
  struct Parts;
  Image(const Super& super, std::unique_ptr<Parts> parts);

  Super super_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace pedigree::unpack::squashfs
