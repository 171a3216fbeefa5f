// Fuzz target for the ELF analysis (scanner/fingerprint/elf): any bytes in,
// at most one Binary out, never a crash or a read past the input. Built for
// libFuzzer with clang (-DPEDIGREE_LIBFUZZER=ON), and always as a replay tool
// that runs the files given on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include "scanner/fingerprint/elf/elf_analyzer.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  // A copy of exactly `size` bytes, so that AddressSanitizer catches any read past the end.
  std::vector<std::uint8_t> bytes(data, data + size);
  auto b = pedigree::fingerprint::analyze_elf(pedigree::ByteView(bytes.data(), bytes.size()));
  if (b && b->bits != 32 && b->bits != 64) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}

#ifndef PEDIGREE_LIBFUZZER
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    run_one(bytes.data(), bytes.size());
    std::printf("ok %s\n", argv[i]);
  }
  return 0;
}
#endif
