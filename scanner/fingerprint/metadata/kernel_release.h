// The Linux kernel's release string ("uname -r"), as kernel modules state it
// in their modinfo section (vermagic=RELEASE SMP mod_unload ...) and as
// /lib/modules/RELEASE/ names it.
//
// The release starts with the upstream version (5.15.150, 6.6.30-rt30),
// except in distributions that name kernels by ABI: Debian and Ubuntu write
// X.Y.0-ABI-FLAVOUR (6.1.0-27-armmp is 6.1.115), so such a release gives
// the component without a version.
#pragma once

#include <string>
#include <string_view>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// The upstream version a release string states; empty when it states none.
std::string kernel_release_version(std::string_view release);

/// Reads vermagic= from *.ko files, and the release from the modules.dep,
/// modules.order or modules.builtin directly under /lib/modules/RELEASE/.
class KernelReleaseAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "kernel-release"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
