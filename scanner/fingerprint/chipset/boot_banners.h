// Chipset evidence from the version banners bootloaders and kernels carry:
// "U-Boot SPL 2023.01 (…)", "U-Boot 2023.01 (…)", "barebox 2023.02.0 …",
// Broadcom's "CFE version …", "RedBoot(tm) …" and "Linux version 6.1.0 …".
// The banner itself rarely names the SoC; it says which bootloader and
// kernel the device runs, and a board or SoC name when the vendor put one in.
#pragma once

#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Most banners kept from one file (one of each is the norm).
inline constexpr std::size_t kMaxBannersPerFile = 16;

/// Every distinct banner in `data`, kind "bootloader" or "kernel".
std::vector<report::ChipsetEvidence> boot_banners(ByteView data);

class BootBannerAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "boot-banners"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
