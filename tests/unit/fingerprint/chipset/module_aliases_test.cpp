#include "scanner/fingerprint/chipset/module_aliases.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/chipset/evidence_helpers.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kAliases =
    "# Aliases extracted from modules themselves.\n"
    "alias pci:v0000168Cd0000003Csv*sd*bc*sc*i* ath10k_pci\n"
    "alias pci:v000014E4d*sv*sd*bc02sc80i* brcmfmac\n"
    "alias usb:v0BDAp8179d*dc*dsc*dp*ic*isc*ip*in* rtl8xxxu\n"
    "alias usb:v0BDAp8179d*dc*dsc*dp*ic*isc*ip*in* r8188eu\n"
    "alias of:N*T*Cti,am3352-gpio ti_gpio\n";

TEST_CASE("modules.alias: exact PCI and USB ids, lower case, once each; wildcards skipped") {
  auto ev = module_alias_ids(kAliases);
  CHECK(test::values_of(ev, "pci") == std::vector<std::string>{"168c:003c"});
  CHECK(test::values_of(ev, "usb") == std::vector<std::string>{"0bda:8179"});
}

TEST_CASE("modules.alias: only the file of that name is read") {
  Facts facts;
  FileRef other{"x → /etc/aliases", "/etc/aliases", "", 0644, 1, as_bytes(kAliases)};
  ModuleAliasAnalyzer().analyze(other, facts);
  CHECK(facts.chipset_evidence.empty());
  FileRef file{
      "x → /lib/modules/6.1.0/modules.alias", "/lib/modules/6.1.0/modules.alias", "", 0644, 1, as_bytes(kAliases)};
  ModuleAliasAnalyzer().analyze(file, facts);
  CHECK(facts.chipset_evidence.size() == 2);
}

}  // namespace
}  // namespace pedigree::fingerprint
