// The list of all formats the unpacker knows, in priority order.
#pragma once

#include <span>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

std::span<const Format* const> all_formats();

/// The format with this name, or nullptr.
const Format* find_format(std::string_view name);

}  // namespace pedigree::unpack
