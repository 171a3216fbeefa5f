#include "scanner/fingerprint/analyzers.h"

#include "scanner/fingerprint/chipset/boot_banners.h"
#include "scanner/fingerprint/chipset/dtb_evidence.h"
#include "scanner/fingerprint/chipset/hardware_files.h"
#include "scanner/fingerprint/chipset/kernel_config.h"
#include "scanner/fingerprint/chipset/module_aliases.h"
#include "scanner/fingerprint/component_rules_analyzer.h"
#include "scanner/fingerprint/elf/elf_analyzer.h"
#include "scanner/fingerprint/metadata/metadata_analyzers.h"
#include "scanner/fingerprint/metadata/uboot_env.h"
#include "scanner/fingerprint/network/endpoints.h"
#include "scanner/fingerprint/network/mac_addresses.h"
#include "scanner/security/crypto_analyzer.h"
#include "scanner/security/system_analyzers.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const ElfAnalyzer kElf;
  static const ComponentRulesAnalyzer kComponentRules(builtin_component_rules());
  static const security::CryptoAnalyzer kCrypto;
  static const security::AccountsAnalyzer kAccounts;
  static const security::ServicesAnalyzer kServices;
  static const DtbAnalyzer kDtb;
  static const BootBannerAnalyzer kBanners;
  static const KernelConfigAnalyzer kKernelConfig;
  static const ModuleAliasAnalyzer kModuleAliases;
  static const HardwareFileAnalyzer kHardwareFiles;
  static const MacAddressAnalyzer kMacs;
  static const EndpointAnalyzer kEndpoints;
  static const UBootEnvAnalyzer kUBootEnv;
  static const std::vector<const Analyzer*> kAll = [] {
    std::vector<const Analyzer*> all = {&kElf,  &kComponentRules, &kCrypto,       &kAccounts,      &kServices,
                                        &kDtb,  &kBanners,        &kKernelConfig, &kModuleAliases, &kHardwareFiles,
                                        &kMacs, &kEndpoints,      &kUBootEnv};
    for (const Analyzer* a : metadata_analyzers()) all.push_back(a);
    return all;
  }();
  return kAll;
}

}  // namespace pedigree::fingerprint
