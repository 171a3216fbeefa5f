// Compressed payloads inside firmware headers (uImage, FIT, TRX, kernels, ELF
// sections). The header formats emit such a payload as stored, under a name
// whose suffix says how it is packed; the stream formats decode it when the
// walker examines the member, so every payload is decompressed exactly once.
#pragma once

#include <optional>
#include <string_view>

#include "scanner/core/bytes.h"

namespace pedigree::unpack {

enum class Packing { kGzip, kBzip2, kLzma, kXz, kLzop, kLz4Frame, kLz4Legacy, kZstd, kCpio };

/// File-name suffix for a payload packed this way (".gz", ".lzma", ".cpio", …).
std::string_view packing_suffix(Packing p);

/// The packing whose magic starts `data`, with the fields right after the
/// magic checked where the magic alone is short (LZMA-alone has none).
std::optional<Packing> sniff_packing(ByteView data);

/// True when the first few KiB of `data` decode as a `p` stream: confirms a
/// magic found by scanning inside a blob that is not otherwise delimited.
bool packing_decodes(Packing p, ByteView data);

/// The packing U-Boot names `name` ("gzip", "lzma", … as in FIT images), or
/// nullopt for "none" and names it does not define.
std::optional<Packing> packing_from_uboot_name(std::string_view name);

}  // namespace pedigree::unpack
