// `db import pci-ids|usb-ids FILE`: pci.ids / usb.ids → hw_vendors, hw_devices.
#include "scanner/db/id_list.h"
#include "scanner/db/importer.h"
#include "scanner/db/input_file.h"

namespace pedigree::db {
namespace {

Result<SourceRecord> import_ids(Database& db, const std::string& path, std::string_view bus, std::string source) {
  auto in = read_input_file(path);
  if (!in) return in.error();
  auto list = parse_id_list(in->bytes, path);
  if (!list) return list.error();
  for (auto table : {"hw_devices", "hw_vendors"})
    if (auto st = delete_source_rows(db, table, source); !st) return st.error();
  // Duplicate IDs (rare, historical) keep their first name.
  auto vendor = db.prepare("INSERT OR IGNORE INTO hw_vendors(bus, vendor_id, name, data_source) VALUES (?,?,?,?)");
  auto device =
      db.prepare("INSERT OR IGNORE INTO hw_devices(bus, vendor_id, device_id, name, data_source) VALUES (?,?,?,?,?)");
  if (!vendor) return vendor.error();
  if (!device) return device.error();
  std::int64_t vendors = 0, devices = 0;
  for (const auto& v : list->vendors) {
    vendor->bind_all(bus, static_cast<std::int64_t>(v.id), v.name, source);
    if (auto st = vendor->run(); !st) return st.error();
    vendors += db.changes();
  }
  for (const auto& d : list->devices) {
    device->bind_all(bus, static_cast<std::int64_t>(d.vendor), static_cast<std::int64_t>(d.id), d.name, source);
    if (auto st = device->run(); !st) return st.error();
    devices += db.changes();
  }
  SourceRecord rec{std::move(source),
                   std::string(bus) + "-ids",
                   list->version,
                   in->sha256,
                   {{"hw_devices", devices}, {"hw_vendors", vendors}},
                   {}};
  if (auto st = record_source(db, rec); !st) return st.error();
  return rec;
}

}  // namespace

Result<SourceRecord> import_pci_ids(Database& db, const std::string& path) {
  return import_ids(db, path, "pci", "pci-ids");
}

Result<SourceRecord> import_usb_ids(Database& db, const std::string& path) {
  return import_ids(db, path, "usb", "usb-ids");
}

}  // namespace pedigree::db
