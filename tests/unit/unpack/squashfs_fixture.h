// SquashFS fixtures, shared by the SquashFS tests: a source tree with every
// kind of member, and the images the real mksquashfs makes of it, one per
// set of options (built once per process).
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"

namespace pedigree::test::squashfs {

namespace fs = std::filesystem;

inline const unpack::Format& squashfs() {
  const auto* f = unpack::find_format("squashfs");
  REQUIRE(f != nullptr);
  return *f;
}

/// Text that compresses well (so every compressor is quick) but not to nothing.
inline std::string lines(std::size_t size, const char* tag) {
  std::string s;
  for (int i = 0; s.size() < size; ++i) s += "line " + std::to_string(i) + " of " + tag + "\n";
  s.resize(size);
  return s;
}

inline void write(const fs::path& p, const std::string& content, fs::perms mode = fs::perms(0644)) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  fs::permissions(p, mode);
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool has_warning(const test::CollectingSink& sink, std::string_view needle) {
  for (const auto& w : sink.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

inline std::uint64_t get_le(const std::string& s, std::size_t off, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(s[off + i]);
  return v;
}

/// What goes into a fixture's source tree besides the fixed members.
struct Spec {
  std::size_t big = (3U << 20) + 1234;  ///< the file that spans several blocks and a fragment
  bool many = true;                     ///< a directory of 700 entries (several listing headers, an index)
  bool zeros = false;                   ///< an 8 MiB file of zeros (stored as sparse blocks)
  auto operator<=>(const Spec&) const = default;
};

/// A source tree and the images mksquashfs makes of it. Built once per
/// process for each Spec (doctest re-runs a test case for every subcase).
class Fixture {
 public:
  static const Fixture& get(const Spec& spec) {
    static std::map<Spec, std::unique_ptr<Fixture>> cache;
    auto& slot = cache[spec];
    if (!slot) slot.reset(new Fixture(spec));
    return *slot;
  }
  ~Fixture() { fs::remove_all(root_); }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const Spec& spec() const { return spec_; }
  const std::map<std::string, std::string>& files() const { return files_; }

  /// Runs mksquashfs with extra options and returns the image.
  const std::string& image(const std::string& options) const {
    auto& img = images_[options];
    if (!img.empty()) return img;
    fs::path out = root_ / "out.img";
    std::string cmd = "mksquashfs '" + src().string() + "' '" + out.string() +
                      "' -noappend -no-progress -quiet -no-xattrs -p 'dev c 666 0 0 1 3' " + options +
                      " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    img = slurp(out);
    return img;
  }

 private:
  explicit Fixture(const Spec& spec) : spec_(spec) {
    char tmpl[] = "/tmp/pedigree-squashfs-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    root_ = tmpl;
    files_ = {{"hello.txt", "hello squashfs\n"},
              {"empty", ""},
              {"big.bin", lines(spec.big, "the big file")},
              {"bin/su", "pretend setuid binary\n"},
              {"dir/sub/deep.txt", "deep\n"}};
    for (int i = 0; spec.many && i < 700; ++i) {
      std::string name = "many/entry" + std::to_string(1000 + i);
      files_[name] = name;
    }
    if (spec.zeros) files_["zeros"] = std::string(8U << 20, '\0');
    for (const auto& [path, content] : files_) write(src() / path, content);
    fs::permissions(src() / "bin/su", fs::perms(04755));
    fs::permissions(src() / "dir/sub/deep.txt", fs::perms(0600));
    fs::create_symlink("hello.txt", src() / "link");
    fs::create_hard_link(src() / "dir/sub/deep.txt", src() / "hard");
    REQUIRE(mkfifo((src() / "pipe").c_str(), 0640) == 0);
  }
  fs::path src() const { return root_ / "src"; }

  Spec spec_;
  fs::path root_;
  std::map<std::string, std::string> files_;
  mutable std::map<std::string, std::string> images_;
};

/// Checks that an extraction holds exactly what the fixture put in.
inline void check_tree(const Fixture& fx, const test::CollectingSink& sink) {
  for (const auto& [path, content] : fx.files()) {
    const auto* m = sink.find(path);
    REQUIRE_MESSAGE(m != nullptr, path);
    if (path == "dir/sub/deep.txt" && m->entry.kind == unpack::EntryKind::kHardlink) continue;
    CHECK(m->entry.kind == unpack::EntryKind::kFile);
    CHECK_MESSAGE(m->text() == content, path);
  }
  CHECK(sink.find("bin/su")->entry.mode == 04755);
  CHECK(sink.find("dir/sub/deep.txt")->entry.mode == 0600);
  // The hard link pair: one of the two names carries the bytes, the other points at it.
  const auto* a = sink.find("hard");
  const auto* b = sink.find("dir/sub/deep.txt");
  REQUIRE(a != nullptr);
  const auto* link = a->entry.kind == unpack::EntryKind::kHardlink ? a : b;
  const auto* file = link == a ? b : a;
  CHECK(link->entry.kind == unpack::EntryKind::kHardlink);
  CHECK(file->entry.kind == unpack::EntryKind::kFile);
  CHECK(link->entry.link_target == file->entry.path);
  CHECK(file->text() == "deep\n");
  const auto* symlink = sink.find("link");
  REQUIRE(symlink != nullptr);
  CHECK(symlink->entry.kind == unpack::EntryKind::kSymlink);
  CHECK(symlink->entry.link_target == "hello.txt");
  for (const char* special : {"dev", "pipe"}) {
    const auto* m = sink.find(special);
    REQUIRE_MESSAGE(m != nullptr, special);
    CHECK(m->entry.kind == unpack::EntryKind::kSpecial);
    CHECK(m->data.empty());
  }
  CHECK(sink.find("dev")->entry.mode == 0666);
  CHECK(sink.find("pipe")->entry.mode == 0640);
  std::size_t dirs = 0;
  for (const char* dir : {"bin", "dir", "dir/sub", "many"}) {
    if (!fx.spec().many && std::string_view(dir) == "many") continue;
    REQUIRE_MESSAGE(sink.find(dir) != nullptr, dir);
    CHECK(sink.find(dir)->entry.kind == unpack::EntryKind::kDir);
    ++dirs;
  }
  CHECK(sink.members.size() == fx.files().size() + dirs + 4 /*link, hard, dev, pipe*/);
}

}  // namespace pedigree::test::squashfs
