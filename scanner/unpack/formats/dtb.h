// Facts a flattened device tree tells about the board it was built for, for
// chipset fingerprinting. Pure functions over the tree's bytes.
#pragma once

#include <string>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::unpack {

/// Strings of the root node's "compatible" property, most specific first
/// ("vendor,board", …, "vendor,soc"); empty when `data` does not start with
/// a valid tree or the root has no such property.
std::vector<std::string> dtb_root_compatible(ByteView data);

/// The root node's "model" property ("TP-Link Archer C7 v5"), or "".
std::string dtb_model(ByteView data);

}  // namespace pedigree::unpack
