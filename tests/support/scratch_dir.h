// A temporary directory under /tmp for fixtures made by real tools, removed
// with everything in it. One class for every test that runs a Debian tool.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace pedigree::test {

class ScratchDir {
 public:
  ScratchDir() {
    char tmpl[] = "/tmp/pedigree-test-XXXXXX";
    const char* p = mkdtemp(tmpl);
    path_ = p == nullptr ? std::string() : std::string(p);
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  bool ok() const { return !path_.empty(); }
  std::string path(std::string_view rel = {}) const { return rel.empty() ? path_ : path_ + "/" + std::string(rel); }

  /// Writes a file (creating parent directories) and sets its permission bits.
  void write(std::string_view rel, std::string_view content, unsigned mode = 0644) const {
    std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    ::chmod(path(rel).c_str(), mode);
  }
  std::string read(std::string_view rel) const {
    std::ifstream in(path(rel), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
    std::string line = "cd '" + path_ + "' && { " + cmd + "; } >/dev/null 2>&1";
    return std::system(line.c_str()) == 0;
  }

 private:
  std::string path_;
};

}  // namespace pedigree::test
