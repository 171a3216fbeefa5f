#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tests/support/manifest.h"

namespace pedigree::test {

std::string sample_path(const std::string& sample, const std::string& file) {
  return std::string(PEDIGREE_SAMPLES_DIR) + "/" + sample + "/" + file;
}

std::vector<ManifestEntry> read_manifest(const std::string& sample) {
  std::ifstream in(sample_path(sample, "manifest.tsv"));
  REQUIRE_MESSAGE(in.good(), "missing manifest for sample " << sample << ": run samples/build.sh");
  std::vector<ManifestEntry> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    cols.resize(6);
    out.push_back({cols[0], cols[1], std::stoull(cols[2].empty() ? "0" : cols[2]), cols[3], cols[4], cols[5]});
  }
  return out;
}

}  // namespace pedigree::test
