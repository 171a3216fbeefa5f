// The package an ELF file says it belongs to, from its .note.package section
// (the "package metadata for ELF files" convention: one note, owner "FDO",
// type 0xcafe1a7e, whose descriptor is a JSON object such as
// {"type":"deb","os":"debian","name":"systemd","version":"252.39-1~deb12u2",
//  "architecture":"arm64"}). Distributions stamp it at build time, so it
// stays in the binary when the package database is stripped from the image.
#pragma once

#include <optional>
#include <string>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/naming/component_catalog.h"

namespace pedigree::fingerprint {

/// The fields of the note this reader uses; every one is a JSON string.
struct PackageNote {
  std::string type;  ///< package format: "deb", "rpm", ...
  std::string os;
  std::string name;  ///< package name (Debian: the source package)
  std::string version;
  std::string architecture;
};

/// The package note in the bytes of a .note.package section (a sequence of
/// ELF notes in the file's byte order), or nullopt when none is well formed.
std::optional<PackageNote> parse_package_note(ByteView section, Endian endian);

/// Reports the package an ELF file's .note.package names, as a component
/// named through the catalog, with evidence kind "elf-package-note".
class ElfPackageNoteAnalyzer final : public Analyzer {
 public:
  explicit ElfPackageNoteAnalyzer(const ComponentCatalog& catalog) : catalog_(catalog) {}
  std::string_view name() const override { return "elf-package-note"; }
  void analyze(const FileRef& file, Facts& out) const override;

 private:
  const ComponentCatalog& catalog_;
};

}  // namespace pedigree::fingerprint
