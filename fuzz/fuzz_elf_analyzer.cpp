// Fuzz target for the ELF analysis (scanner/fingerprint/elf, with the
// exported-version reader): any bytes in, at most one Binary out, never a
// crash or a read past the input. Built for libFuzzer with clang
// (-DPEDIGREE_LIBFUZZER=ON), and always as a replay tool that runs the files
// given on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/fingerprint/elf/elf_analyzer.h"
#include "scanner/fingerprint/elf/exported_version.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  // A copy of exactly `size` bytes, so that AddressSanitizer catches any read past the end.
  std::vector<std::uint8_t> bytes(data, data + size);
  auto b = pedigree::fingerprint::analyze_elf(pedigree::ByteView(bytes.data(), bytes.size()));
  if (b && b->bits != 32 && b->bits != 64) __builtin_trap();
  // The exported-version reader walks the same symbol tables.
  auto v = pedigree::fingerprint::exported_version("nl_ver_maj.nl_ver_min.nl_ver_mic",
                                                   pedigree::ByteView(bytes.data(), bytes.size()));
  if (v && v->empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
