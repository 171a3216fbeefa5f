// Chipset resolution: the raw evidence the analyzers collected (device-tree
// compatibles, kernel config symbols, banners, module and firmware names,
// PCI/USB ids) is looked up in the database's chipset keys and combined per
// SoC family into the report's chipsets, each with vendor, country, model,
// confidence and every piece of evidence that points at it.
//
// Confidence: high when independent kinds of evidence agree (a device-tree
// compatible and a kernel config symbol, say); medium for one strong key (a
// compatible, a PCI/USB id, a specific config symbol, a firmware or SDK file
// name); low for a bare string in a banner. A vendor prefix ("ti") and the
// symbols of a multi-platform kernel (one that enables many SoC families)
// only corroborate a family found otherwise. Two families claiming the main
// SoC with medium or high confidence are both reported, marked disputed,
// with a warning. Evidence of any kind that names one of a found family's
// models ("AM3358" in a bootloader banner) is added to that family and gives
// the chipset its model.
#pragma once

#include "scanner/core/result.h"
#include "scanner/db/provenance.h"
#include "scanner/match/vendor_book.h"
#include "scanner/report/report.h"

namespace pedigree::match {

/// A kernel configuration that enables more SoC families than this is a
/// multi-platform build: its symbols corroborate, they do not identify.
inline constexpr std::size_t kMaxKconfigFamilies = 2;
/// Most evidence items listed per chipset (the rest are counted in a warning).
inline constexpr std::size_t kMaxEvidencePerChipset = 64;

/// Fills r.chipsets from r.chipset_evidence and records each chipset's vendor.
Status resolve_chipsets(report::Report& r, db::ProvenanceDb& db, VendorBook& vendors);

/// soc, wifi, bluetooth or modem, from a family's name.
std::string chipset_role(std::string_view family);

/// True when `key` occurs in `text` as a whole word (not inside a longer
/// run of letters and digits).
bool contains_word(std::string_view text, std::string_view key);

}  // namespace pedigree::match
