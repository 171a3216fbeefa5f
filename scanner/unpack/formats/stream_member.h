// Shared by the single-stream formats (gzip, xz, lzma, bzip2, zstd, lz4, zlib):
// names the one member and hands the decoded bytes, with any decode problem,
// to the sink.
#pragma once

#include <string>
#include <string_view>

#include "scanner/unpack/decode/decode.h"
#include "scanner/unpack/format.h"

namespace pedigree::unpack {

/// Member name for a decompressed stream: the stored name when the format
/// keeps one, else the container's name without `suffix`, else "<format>.out".
std::string stream_member_name(const Sink& sink, std::string_view stored_name, std::string_view suffix,
                               std::string_view format_name);

/// Adds the decoded stream as the single member and returns the bytes the
/// stream occupied, or an error when nothing at all decoded.
Result<std::uint64_t> emit_stream(Decoded decoded, Sink& sink, std::string name, std::string_view format_name);

}  // namespace pedigree::unpack
