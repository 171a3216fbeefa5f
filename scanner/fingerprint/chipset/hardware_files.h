// Chipset evidence from the names of files: kernel modules (ath10k_pci.ko),
// Wi-Fi and Bluetooth firmware blobs (/lib/firmware/ath10k/QCA988X/hw2.0/
// firmware-5.bin, mt7915_wa.bin, brcmfmac43455-sdio.bin) and the libraries of
// vendor SDKs (HiSilicon's libmpi.so, Ingenic's libimp.so, SigmaStar's
// libmi_sys.so). The names are matched against the database's string keys
// in the match step; here they are only collected.
#pragma once

#include <optional>
#include <string_view>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// The evidence a file's path gives (kind firmware, module or library), if any.
std::optional<report::ChipsetEvidence> hardware_file_evidence(std::string_view path);

class HardwareFileAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "hardware-files"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
