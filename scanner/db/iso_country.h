// ISO 3166-1 alpha-2 country codes, for checking the codes the seed data and
// the IEEE registries carry.
#pragma once

#include <string_view>

namespace pedigree::db {

/// True when `code` is an assigned ISO 3166-1 alpha-2 code ("CN", "US").
bool is_iso_country(std::string_view code);

}  // namespace pedigree::db
