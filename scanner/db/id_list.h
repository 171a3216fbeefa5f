// pci.ids and usb.ids (the PCI and USB ID repositories Debian ships in
// /usr/share/misc): a line-oriented text format.
//
//   # comments; "# Version: 2024.01.01" and "# Date: ..." among them
//   vvvv  Vendor name               (4 hex digits, two spaces, name)
//   <TAB>dddd  Device name          (a device of the vendor above)
//   <TAB><TAB>ssss ssss  Subsystem  (subsystem of the device above: skipped)
//   C 02  Network controller        (pci.ids: device classes, with TAB children)
//   AT 0001  ..., HID, R, BIAS, PHY, HUT, L, HCC, VT   (usb.ids: other tables)
//
// Vendors come before the other sections; a top-level line starting with an
// upper-case keyword opens a section whose TAB-indented children are skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

struct IdVendor {
  std::uint16_t id = 0;
  std::string name;
};

struct IdDevice {
  std::uint16_t vendor = 0;
  std::uint16_t id = 0;
  std::string name;
};

/// What a pci.ids or usb.ids file lists.
struct IdList {
  std::string version;  ///< from "# Version:", else "# Date:", else empty
  std::vector<IdVendor> vendors;
  std::vector<IdDevice> devices;
};

/// Caps on one ID list.
struct IdListLimits {
  std::size_t max_line_bytes = 4096;
  std::size_t max_entries = 2'000'000;
};

/// Parses pci.ids or usb.ids text. Errors name `name` and the line.
Result<IdList> parse_id_list(std::string_view text, const std::string& name, IdListLimits limits = {});

}  // namespace pedigree::db
