// Shared by the firmware-header format tests (uimage, fit, dtb, trx,
// android_boot, elf, linux_kernel): a scratch directory in which the real
// tools (mkimage, dtc, mkbootimg, objcopy, python3) build fixtures, and checks
// every format must pass on damaged input.
#pragma once

#include "tests/support/scratch_dir.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/collecting_sink.h"

namespace pedigree::test {

using ToolDir = ScratchDir;

/// The system Python, started directly: wrappers on PATH can take seconds.
inline std::string python3() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

/// True when a command of this name is on PATH.
inline bool have_tool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

/// Reproducible incompressible bytes.
inline std::string noise_bytes(std::size_t n, std::uint32_t seed) {
  std::string out(n, '\0');
  std::uint32_t x = seed * 2654435761U + 1;
  for (auto& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x >> 24);
  }
  return out;
}

/// Compressible text-like bytes, so compressed fixtures stay small.
inline std::string text_bytes(std::size_t n, std::string_view word) {
  std::string out;
  for (std::size_t i = 0; out.size() < n; ++i) out += std::string(word) + std::to_string(i) + "\n";
  out.resize(n);
  return out;
}

/// Probes and extracts copies of `image` with single bytes flipped across
/// the whole image (every `step` bytes) and cut at several lengths: nothing
/// may crash, hang or read out of bounds (ASan watches).
inline void survive_damage(const unpack::Format& f, const std::string& image, std::size_t step = 0) {
  if (step == 0) step = std::max<std::size_t>(1, image.size() / 512);
  for (std::size_t i = 0; i < image.size(); i += step) {
    std::string bad = image;
    bad[i] = static_cast<char>(bad[i] ^ (1 << (i % 8)));
    (void)extract_with(f, Blob::from_string(bad));
  }
  for (std::size_t cut : {image.size() / 2, image.size() - 1, std::size_t{70}, std::size_t{8}}) {
    if (cut >= image.size()) continue;
    Blob part = Blob::from_string(image.substr(0, cut));
    (void)extract_with(f, part);
    // Straight to extract, as if probe had been skipped: still bounds-safe.
    CollectingSink sink;
    (void)f.extract(part, sink);
  }
}

}  // namespace pedigree::test
