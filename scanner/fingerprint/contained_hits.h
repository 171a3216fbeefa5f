// Rule hits that lie inside a layer whose members are scanned on their own.
//
// The image and every container file are scanned whole, so that banners in
// regions no format claims (bare kernels, boot loaders, carved gaps) are
// found. Where a layer was unpacked, its members carry their own hits; a hit
// in the packed bytes of that layer is noise (compressed data) or a duplicate
// of a member's hit, and is dropped. Layers that are views of the file's own
// bytes (an ELF's sections) are kept: their hits are the file's code.
#pragma once

#include <vector>

#include "scanner/fingerprint/facts.h"
#include "scanner/unpack/tree.h"

namespace pedigree::fingerprint {

/// `hits` without the binary-rule hits that fall inside an unpacked layer of their file.
std::vector<ComponentHit> drop_contained_hits(std::vector<ComponentHit> hits, const unpack::Tree& tree);

}  // namespace pedigree::fingerprint
