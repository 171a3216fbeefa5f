// The IEEE Registration Authority's public registries as CSV (Debian package
// ieee-data: oui.csv for MA-L, mam.csv for MA-M, oui36.csv for MA-S):
//
//   Registry,Assignment,Organization Name,Organization Address
//   MA-L,002272,American Micro-Fuel Device Corp.,2181 Buchanan Loop Ferndale WA US 98248
//
// `Assignment` is the block's prefix in hex: 6 digits (24 bits) for MA-L, 7
// (28 bits) for MA-M, 9 (36 bits) for MA-S. The address is one line whose
// words end "... COUNTRY POSTCODE"; the country is the last ISO code among
// its last five words. Private registrations have an empty address.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// One assignment.
struct MacBlock {
  std::string registry;  ///< "MA-L", "MA-M", "MA-S"
  std::string prefix;    ///< upper-case hex, bits/4 digits
  int bits = 0;          ///< 24, 28 or 36
  std::string organization;
  std::string address;  ///< trimmed; empty when private
  std::string country;  ///< ISO 3166-1 alpha-2, empty when unknown
  std::size_t line = 0;
};

/// Bits of a registry's prefixes: 24 for "MA-L", 28 for "MA-M", 36 for "MA-S", 0 otherwise.
int registry_bits(std::string_view registry);

/// Parses one registry file; every row must belong to `registry`. Errors name
/// `name` and the line.
Result<std::vector<MacBlock>> parse_ieee_registry(std::string_view text, const std::string& name,
                                                  std::string_view registry);

/// The ISO country code an IEEE address ends with ("... Ferndale WA US 98248"
/// → "US"), or empty when none of its last words is one.
std::string country_from_address(std::string_view address);

}  // namespace pedigree::db
