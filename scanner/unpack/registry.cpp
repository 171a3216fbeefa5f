#include "scanner/unpack/registry.h"

#include <array>

namespace pedigree::unpack {

#define FORMAT(fn) const Format& fn();
#include "scanner/unpack/formats.def"
#undef FORMAT

std::span<const Format* const> all_formats() {
  static const auto kFormats = std::to_array<const Format*>({
#define FORMAT(fn) &fn(),
#include "scanner/unpack/formats.def"
#undef FORMAT
  });
  return kFormats;
}

const Format* find_format(std::string_view name) {
  for (const auto* f : all_formats()) {
    if (f->name() == name) return f;
  }
  return nullptr;
}

}  // namespace pedigree::unpack
