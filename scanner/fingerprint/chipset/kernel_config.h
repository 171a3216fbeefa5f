// Chipset evidence from a Linux kernel's build configuration: the symbols set
// to y or m (CONFIG_SOC_AM33XX=y, CONFIG_ARCH_SUNXI=y, CONFIG_ATH10K=m).
//
// The configuration is found in two shapes:
//  - embedded in the kernel (CONFIG_IKCONFIG): the marker "IKCFG_ST", a gzip
//    stream of the .config text, then "IKCFG_ED";
//  - as a text file: /boot/config-<release>, a .config, or /proc/config.gz
//    once the unpacker removed its gzip layer; recognised by the header
//    Kconfig writes, whatever the file is called.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Largest inflated configuration accepted (real ones are 100–300 KiB).
inline constexpr std::uint64_t kMaxKernelConfig = 4u << 20;
/// Most symbols kept from one configuration.
inline constexpr std::size_t kMaxConfigSymbols = 20000;

/// The symbols set to y or m in a .config text, in file order, each with its
/// offset in `text`.
std::vector<report::ChipsetEvidence> config_symbols(std::string_view text);

/// The symbols of every IKCONFIG blob in `data` (offsets: the blob's marker).
std::vector<report::ChipsetEvidence> ikconfig_symbols(ByteView data);

/// True when `text` starts like a .config Kconfig wrote (any file name).
bool is_kernel_config_text(std::string_view text);

class KernelConfigAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "kernel-config"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
