#include "scanner/fingerprint/chipset/hardware_files.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

std::string kind_value(std::string_view path) {
  auto e = hardware_file_evidence(path);
  return e ? e->kind + " " + e->value : std::string();
}

TEST_CASE("hardware files: firmware blobs, kernel modules and SDK libraries by name") {
  CHECK(kind_value("/lib/firmware/ath10k/QCA988X/hw2.0/firmware-5.bin") ==
        "firmware ath10k/QCA988X/hw2.0/firmware-5.bin");
  CHECK(kind_value("/lib/firmware/mediatek/mt7915_wa.bin") == "firmware mediatek/mt7915_wa.bin");
  CHECK(kind_value("/lib/firmware/brcm/brcmfmac43455-sdio.bin") == "firmware brcm/brcmfmac43455-sdio.bin");
  CHECK(kind_value("/lib/modules/5.4.0/ath9k.ko") == "module ath9k");
  CHECK(kind_value("/lib/modules/6.1.0/kernel/drivers/net/wireless/realtek/rtw88/rtw88_8821c.ko.xz") ==
        "module rtw88_8821c");
  CHECK(kind_value("/usr/lib/libmpi.so") == "library libmpi.so");
  CHECK(kind_value("/usr/lib/libmi_sys.so.1.2") == "library libmi_sys.so");
}

TEST_CASE("hardware files: other files say nothing") {
  CHECK(kind_value("/usr/bin/dropbear").empty());
  CHECK(kind_value("/lib/firmware/").empty());
  CHECK(kind_value("/usr/share/doc/libsomething.sort").empty());
  CHECK(kind_value("/etc/ko").empty());
}

}  // namespace
}  // namespace pedigree::fingerprint
