// The replay driver every fuzz target shares. Built without libFuzzer, a
// target is a program that feeds each file it is given to its
// LLVMFuzzerTestOneInput, so ctest replays samples and crash corpora through
// exactly the code the fuzzer runs. Directories (a corpus glob may name
// them) are skipped rather than read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#ifndef PEDIGREE_LIBFUZZER
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(argv[i], ec)) continue;
    std::ifstream in(argv[i], std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    std::printf("ok %s\n", argv[i]);
  }
  return 0;
}
#endif
