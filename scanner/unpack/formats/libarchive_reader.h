// Reads the archive formats that libarchive handles well (tar, cpio, zip, 7z,
// ISO 9660, ar) and hands their members to a Sink.
//
// Each call enables exactly one libarchive reader and no filter: the format
// that found the instance by its structure decides how it is read, and a
// compressed archive (tar.gz) reaches us as the member of our own gzip format.
// Members that libarchive hands out as pointers into the instance, back to
// back (stored tar, cpio, ar, ISO and zip members), become views into it;
// everything else is copied, within the sink's budget.
#pragma once

#include <cstdint>
#include <string_view>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// The libarchive reader to enable for one instance. kZip reads the central
/// directory; kZipStreamed reads local headers in order (a zip without one).
enum class ArchiveReader { kTar, kCpio, kZip, kZipStreamed, kSevenZip, kIso9660, kAr };

/// How a format wants its instance read.
struct LibarchiveOptions {
  std::string_view format_name;  ///< prefixes every warning ("tar")
  ArchiveReader reader = ArchiveReader::kTar;
  /// Entries that are archive bookkeeping rather than members (ar's symbol
  /// table); nullptr keeps everything.
  bool (*is_bookkeeping)(std::string_view path) = nullptr;
  /// Zero bytes libarchive sees before the instance: for a zip whose offsets
  /// count from a self-extractor stub that is not part of the instance. The
  /// instance is then copied once; members stay views into the original.
  std::uint64_t zero_prefix = 0;
};

/// What one read produced.
struct LibarchiveSummary {
  std::uint64_t members = 0;   ///< entries added to the sink
  bool reached_end = false;    ///< libarchive read up to the archive's end
  bool stopped = false;        ///< the sink asked to stop
  std::uint64_t consumed = 0;  ///< bytes libarchive read up to where it stopped
};

/// Adds every member of the archive in `data` to the sink, warning (with the
/// member's name and header offset) about what could not be read. Fails only
/// when libarchive could not read a single entry.
Result<LibarchiveSummary> read_with_libarchive(const Blob& data, const LibarchiveOptions& options, Sink& sink);

/// The usual extract(): reads the first `size` bytes of `data` (an instance
/// whose size the format's own walk determined) and returns `size`.
Result<std::uint64_t> extract_with_libarchive(const Blob& data, std::uint64_t size, const LibarchiveOptions& options,
                                              Sink& sink);

}  // namespace pedigree::unpack
