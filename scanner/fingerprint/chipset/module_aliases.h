// Chipset evidence from modules.alias, which depmod writes next to the
// kernel modules: one line per device a module drives, e.g.
//
//   alias pci:v000014E4d000043A0sv*sd*bc*sc*i* bcma
//   alias usb:v0BDAp8179d*dc*dsc*dp*ic*isc*ip*in* rtl8xxxu
//
// Lines naming one exact vendor and device become "pci"/"usb" evidence with
// the id as "vvvv:dddd" (lower-case hex); wildcard ids say nothing.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Most ids kept from one modules.alias (a full distribution kernel has ~20k lines).
inline constexpr std::size_t kMaxAliasIds = 50000;

/// Distinct exact PCI and USB ids of a modules.alias text, in file order.
std::vector<report::ChipsetEvidence> module_alias_ids(std::string_view text);

class ModuleAliasAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "modules-alias"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
