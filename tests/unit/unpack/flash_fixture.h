// Fixture helpers for the flash file system tests (JFFS2, UBI, UBIFS): a
// temporary directory in which the real image tools run, deterministic file
// contents, and random bit flips.
#pragma once

#include "tests/support/scratch_dir.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#include "tests/support/collecting_sink.h"

namespace pedigree::test {

using TempDir = ScratchDir;

/// Deterministic bytes: compressible text interleaved with noise, so every
/// compressor produces real compressed nodes and block boundaries differ.
inline std::string sample_bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out;
  out.reserve(n);
  while (out.size() < n) {
    if (rng() % 3 == 0) {
      for (int i = 0; i < 64 && out.size() < n; ++i) out.push_back(static_cast<char>(rng()));
    } else {
      std::string line = "line " + std::to_string(out.size()) + ": the quick brown fox jumps over the lazy dog\n";
      out.append(line, 0, std::min(line.size(), n - out.size()));
    }
  }
  return out;
}

/// Flips `count` random bits of `bytes` (fixed seed: reproducible).
inline std::string flip_bits(std::string bytes, int count, std::uint32_t seed) {
  std::mt19937 rng(seed);
  for (int i = 0; i < count && !bytes.empty(); ++i) {
    std::size_t at = rng() % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8)));
  }
  return bytes;
}

}  // namespace pedigree::test
