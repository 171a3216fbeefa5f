#include "scanner/fingerprint/analyzers.h"

#include "scanner/fingerprint/chipset/boot_banners.h"
#include "scanner/fingerprint/chipset/dtb_evidence.h"
#include "scanner/fingerprint/chipset/hardware_files.h"
#include "scanner/fingerprint/chipset/kernel_config.h"
#include "scanner/fingerprint/chipset/module_aliases.h"
#include "scanner/fingerprint/network/endpoints.h"
#include "scanner/fingerprint/network/mac_addresses.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const DtbAnalyzer kDtb;
  static const BootBannerAnalyzer kBanners;
  static const KernelConfigAnalyzer kKernelConfig;
  static const ModuleAliasAnalyzer kModuleAliases;
  static const HardwareFileAnalyzer kHardwareFiles;
  static const MacAddressAnalyzer kMacs;
  static const EndpointAnalyzer kEndpoints;
  static const std::vector<const Analyzer*> kAll = {
      &kDtb, &kBanners, &kKernelConfig, &kModuleAliases, &kHardwareFiles, &kMacs, &kEndpoints,
  };
  return kAll;
}

}  // namespace pedigree::fingerprint
