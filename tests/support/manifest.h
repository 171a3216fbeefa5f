// Reads a sample image's manifest.tsv: what went into the image, so tests can
// check that what comes out is byte-identical.
#pragma once

#include <string>
#include <vector>

namespace pedigree::test {

struct ManifestEntry {
  std::string layer;
  std::string path;
  std::uint64_t size = 0;
  std::string sha256;  ///< "-" for symlinks
  std::string mode;
  std::string link_target;
};

/// Entries of <samples>/<name>/manifest.tsv; fails the test if missing.
std::vector<ManifestEntry> read_manifest(const std::string& sample);
/// <samples>/<name>/<file>
std::string sample_path(const std::string& sample, const std::string& file);

}  // namespace pedigree::test
