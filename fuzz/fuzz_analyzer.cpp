// Fuzz target for one fingerprint analyzer, chosen at build time with
// PEDIGREE_FUZZ_ANALYZER (its name()), run over the input as the file
// PEDIGREE_FUZZ_PATH. Built for libFuzzer with clang (-DPEDIGREE_FUZZ=ON), and
// always as a replay tool over files given on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/fingerprint/analyzers.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree;
  std::vector<std::uint8_t> copy(data, data + size);
  fingerprint::FileRef file;
  file.origin = "fuzz.bin";
  file.path = PEDIGREE_FUZZ_PATH;
  file.data = ByteView(copy.data(), copy.size());
  for (const auto* a : fingerprint::default_analyzers()) {
    if (a->name() != PEDIGREE_FUZZ_ANALYZER) continue;
    fingerprint::Facts facts;
    a->analyze(file, facts);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
