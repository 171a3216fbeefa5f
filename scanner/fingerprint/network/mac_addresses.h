// MAC addresses assigned in configurations, NVRAM defaults, U-Boot
// environments and binaries: "option macaddr '00:90:4c:12:34:56'",
// "et0macaddr=00:90:4C:…", "ethaddr=04:a3:16:…", "hwaddress ether …".
//
// Conservative on purpose: an address counts only where the text before it on
// the same line (or NUL-terminated string) names a MAC-like key, so byte
// patterns that merely look like addresses in binaries are not reported.
// Placeholder, broadcast, multicast and locally administered addresses are
// skipped: they say nothing about who made the hardware.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Most addresses kept from one file.
inline constexpr std::size_t kMaxMacsPerFile = 256;

/// Distinct addresses in `text` with their keys and offsets (origin empty).
std::vector<MacSighting> mac_addresses_in(std::string_view text);

/// "00:90:4C:12:34:56" when `s` starts with a MAC address written with ':'
/// or '-' separators, else "".
std::string parse_mac(std::string_view s);

class MacAddressAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "mac-addresses"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
