// Fixture helpers for the flash file system tests (JFFS2, UBI, UBIFS): a
// temporary directory in which the real image tools run, deterministic file
// contents, and random bit flips.
#pragma once

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

/// A directory under /tmp, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/pedigree-flash-XXXXXX";
    const char* p = mkdtemp(tmpl);
    path_ = p == nullptr ? std::string() : std::string(p);
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  bool ok() const { return !path_.empty(); }
  std::string path(std::string_view rel = {}) const { return rel.empty() ? path_ : path_ + "/" + std::string(rel); }

  /// Writes a file (creating parent directories) and sets its permission bits.
  void write(std::string_view rel, std::string_view content, unsigned mode = 0644) const {
    std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    ::chmod(path(rel).c_str(), mode);
  }
  void mkdir(std::string_view rel, unsigned mode = 0755) const {
    std::filesystem::create_directories(path(rel));
    ::chmod(path(rel).c_str(), mode);
  }
  void symlink(std::string_view target, std::string_view rel) const {
    std::filesystem::create_symlink(std::string(target), path(rel));
  }
  /// Runs a shell command inside the directory, quietly; true on exit code 0.
  bool run(const std::string& cmd) const {
    std::string line = "export PATH=\"$PATH:/usr/sbin:/sbin\"; cd '" + path_ + "' && { " + cmd + "; } >/dev/null 2>&1";
    return std::system(line.c_str()) == 0;
  }
  std::string read(std::string_view rel) const {
    std::ifstream in(path(rel), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

 private:
  std::string path_;
};

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
