// The in-memory report: one model, many writers (text, JSON, and later the
// SBOM and SARIF writers). Each analysis adds its own section; nothing in a
// writer recomputes facts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pedigree::report {

inline constexpr const char* kSchema = "pedigree-report/1";

struct Image {
  std::string path;  ///< as given on the command line
  std::string name;  ///< file name: the root of every origin chain
  std::string sha256;
  std::uint64_t size = 0;
  std::string format;  ///< format the whole image was identified as, if it is one instance with no members
};

struct Layer {
  std::string format;
  std::string origin;  ///< "image.bin @0x4b0000 squashfs"
  std::string parent;  ///< origin of the file the layer sits in
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint32_t depth = 0;
  std::uint64_t members = 0;
};

struct File {
  std::string origin;  ///< "image.bin @0x4b0000 squashfs → /usr/sbin/dropbear"
  std::string path;    ///< path inside its layer
  std::string kind;    ///< file, dir, symlink, hardlink, special
  std::string format;  ///< format the whole file was identified as, if any
  std::string sha256;
  std::string link_target;
  std::uint64_t size = 0;
  std::uint32_t mode = 0;
  std::uint32_t depth = 0;
};

struct Region {
  std::string origin;  ///< the file the region sits in
  std::string kind;    ///< unknown, padding
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  double entropy = 0.0;
};

struct Warning {
  std::string kind;
  std::string origin;
  std::string message;
};

/// One piece of evidence for a fact: where it was seen and what it said.
struct Evidence {
  std::string kind;    ///< binary (rule match), package-db, manifest, os-release, vermagic, soname, filename, banner
  std::string source;  ///< rule id, or the metadata file that said it
  std::string origin;  ///< origin chain of the file it was found in
  std::uint64_t offset = 0;  ///< byte offset of a match inside that file
  std::string text;          ///< the matched bytes (printable) or the metadata line
  std::string version;       ///< the version this evidence states; empty if none
};

/// A software component found in the image (one per name, version and relation).
struct Component {
  std::string name;            ///< canonical name (db/seed/components.csv)
  std::string version;         ///< upstream version, the match key; empty when no evidence gives one
  std::string distro_version;  ///< full packaged version when a package database says so ("1:1.35.0-4+deb12u1")
  std::string relation;        ///< empty for a component that is present; "statically-linked", "built-against"
  std::string type;            ///< CycloneDX type: library, application, operating-system, firmware
  std::string cpe;             ///< CPE 2.3 formatted string, when the name maps to one
  std::string purl;
  std::string supplier;
  std::vector<std::string> paths;   ///< origin chains of the files that carry it, sorted
  std::vector<std::string> sha256;  ///< hashes of those files, same order as paths
  std::vector<Evidence> evidence;   ///< sorted by origin, offset, source
};

/// One ELF file: what it is built for and how it is hardened.
struct Binary {
  std::string origin;
  std::string type;     ///< exec, dyn (shared object or PIE), rel (kernel module), core
  std::string machine;  ///< mips, arm, aarch64, x86_64, ...
  std::uint32_t bits = 0;
  std::string endian;  ///< little, big
  std::string abi;     ///< e.g. "mips o32", "arm eabi5 hard-float"
  std::string interpreter;
  std::string soname;
  std::vector<std::string> needed;
  std::vector<std::string> rpath;
  std::vector<std::string> runpath;
  bool stripped = false;
  bool nx = false;
  std::string pie;    ///< yes, no, dso, rel
  std::string relro;  ///< none, partial, full
  bool canary = false;
  bool fortify = false;
  std::uint32_t fortified = 0;    ///< __*_chk functions used
  std::uint32_t fortifiable = 0;  ///< functions that have a _chk variant
};

struct Counts {
  std::uint64_t files = 0, dirs = 0, symlinks = 0, hardlinks = 0, specials = 0;
  std::uint64_t layers = 0, bytes_extracted = 0, unknown_bytes = 0, padding_bytes = 0;
  std::uint32_t max_depth = 0;
};

struct Report {
  std::string tool_version;
  std::string reference_date;  ///< YYYY-MM-DD used for dated output (SBOM creation time); empty when none was set
  Image image;
  std::vector<Layer> layers;
  std::vector<File> files;
  std::vector<Region> regions;
  std::vector<Warning> warnings;
  Counts counts;
  std::vector<Component> components;       ///< sorted by name, version, relation
  std::vector<Binary> binaries;            ///< sorted by origin
  std::vector<std::string> architectures;  ///< e.g. "mips 32-bit little-endian", most files first
};

}  // namespace pedigree::report
