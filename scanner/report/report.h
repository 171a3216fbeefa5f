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

struct Counts {
  std::uint64_t files = 0, dirs = 0, symlinks = 0, hardlinks = 0, specials = 0;
  std::uint64_t layers = 0, bytes_extracted = 0, unknown_bytes = 0, padding_bytes = 0;
  std::uint32_t max_depth = 0;
};

struct Report {
  std::string tool_version;
  Image image;
  std::vector<Layer> layers;
  std::vector<File> files;
  std::vector<Region> regions;
  std::vector<Warning> warnings;
  Counts counts;
};

}  // namespace pedigree::report
