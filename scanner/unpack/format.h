// The interface every container or stream format implements.
//
// A Format identifies itself by magic (only a candidate) and then by structure
// (probe), and extracts its members into a Sink. Formats never recurse: the
// walker examines every member again. Formats are stateless and shared by all
// worker threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "scanner/core/blob.h"
#include "scanner/core/result.h"

namespace pedigree::unpack {

inline constexpr std::uint64_t kNoOffset = UINT64_MAX;

enum class EntryKind { kFile, kDir, kSymlink, kHardlink, kSpecial };

/// One member of a container, as the container describes it.
struct Entry {
  std::string path;  ///< as stored ('/'-separated; sanitised by the sink)
  EntryKind kind = EntryKind::kFile;
  std::uint32_t mode = 0644;         ///< permission bits incl. setuid/setgid/sticky, no type bits
  std::string link_target;           ///< symlink or hard link target, as stored
  std::uint64_t offset = kNoOffset;  ///< where the member's bytes start in the container, if contiguous
};

/// What one member may still produce: decoders stop (and say so) past it.
struct OutputBudget {
  std::uint64_t max_bytes = UINT64_MAX;  ///< min(per-file limit, remaining total)
  std::uint32_t max_ratio = 0;           ///< 0 = unchecked
  std::uint64_t ratio_floor_bytes = 0;   ///< ratio only checked past this output size
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

/// Receives the members of one container instance. Implemented by the walker.
class Sink {
 public:
  virtual ~Sink() = default;
  /// Adds one member; data is empty for anything but files. Returns false
  /// when the extractor must stop early (a limit was hit or time ran out).
  virtual bool add(Entry entry, Blob data) = 0;
  /// Records a problem found inside this container (a report warning).
  virtual void warn(std::string message) = 0;
  /// Budget for the next member's bytes.
  virtual OutputBudget budget() const = 0;
  /// Name of the file this container sits in (e.g. "rootfs.img.gz"), for
  /// naming a decompressed stream's single member.
  virtual std::string_view container_name() const = 0;
};

/// A magic number: `bytes` found at `at` bytes from the start of the format.
struct Magic {
  std::string_view bytes;
  std::uint32_t at = 0;
};

class Format {
 public:
  virtual ~Format() = default;
  /// Short lower-case name used in reports and paths ("squashfs", "uimage").
  virtual std::string_view name() const = 0;
  /// Magic numbers that make a candidate. At least two bytes each.
  virtual std::span<const Magic> magics() const = 0;
  /// Checks the structure at the start of `data` (which runs to the end of the
  /// parent). Returns the instance's size in bytes, or 0 when only extraction
  /// can tell (streams); an error when this is not a valid instance.
  virtual Result<std::uint64_t> probe(ByteView data) const = 0;
  /// Extracts the members of the instance that starts at data[0]; `data` is
  /// probe()'s size long (or runs to the parent's end when probe returned 0).
  /// Returns the bytes the instance really occupies. Members already added
  /// stay even when an error is returned.
  virtual Result<std::uint64_t> extract(const Blob& data, Sink& sink) const = 0;
  /// False for formats that are only recognised at the start of a file
  /// (text formats, two-byte magics that would match everywhere).
  virtual bool carvable() const { return true; }
};

}  // namespace pedigree::unpack
