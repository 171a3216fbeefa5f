// Fixture helpers for the archive format tests (tar, cpio, zip, 7z, ISO 9660,
// ar): a scratch directory holding a small tree of files (with a setuid
// binary, an empty file, a symlink and a hard link), in which the real Debian
// tools build archives, and a check that an extraction reproduces that tree.
#pragma once

#include "tests/support/scratch_dir.h"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/unpack/registry.h"
#include "tests/support/collecting_sink.h"

namespace pedigree::test::archives {

using ScratchDir = pedigree::test::ScratchDir;

/// Deterministic bytes that compress poorly.
inline std::string noise(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& c : s) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x);
  }
  return s;
}

/// One member of the reference tree.
struct Expected {
  std::string path;
  unpack::EntryKind kind;
  unsigned mode;
  std::string content;  ///< file bytes; for links, the target
};

/// The reference tree, written under `src/` of the scratch directory. The
/// hard link is "tree/hl.txt" → "tree/a.txt".
inline std::vector<Expected> write_tree(const ScratchDir& dir) {
  std::vector<Expected> tree = {
      {"tree", unpack::EntryKind::kDir, 0755, ""},
      {"tree/a.txt", unpack::EntryKind::kFile, 0644, "hello firmware\n"},
      {"tree/bin", unpack::EntryKind::kDir, 0750, ""},
      {"tree/bin/su", unpack::EntryKind::kFile, 04755, noise(70000, 1)},
      {"tree/empty", unpack::EntryKind::kFile, 0600, ""},
      {"tree/etc.conf", unpack::EntryKind::kFile, 0640, std::string(5000, 'z') + "tail"},
      {"tree/sl", unpack::EntryKind::kSymlink, 0777, "a.txt"},
  };
  for (const auto& e : tree) {
    std::string p = dir.path("src/" + e.path);
    if (e.kind == unpack::EntryKind::kDir) std::filesystem::create_directories(p);
  }
  for (const auto& e : tree) {
    std::string p = dir.path("src/" + e.path);
    if (e.kind == unpack::EntryKind::kFile) dir.write("src/" + e.path, e.content, e.mode);
    if (e.kind == unpack::EntryKind::kSymlink) std::filesystem::create_symlink(e.content, p);
  }
  for (const auto& e : tree) {
    if (e.kind == unpack::EntryKind::kDir) ::chmod(dir.path("src/" + e.path).c_str(), e.mode);
  }
  std::filesystem::create_hard_link(dir.path("src/tree/a.txt"), dir.path("src/tree/hl.txt"));
  return tree;
}

/// The bytes a member stands for, following hard links.
inline const Member* resolve(const CollectingSink& sink, const Member* m) {
  for (int hops = 0; m != nullptr && m->entry.kind == unpack::EntryKind::kHardlink && hops < 8; ++hops) {
    m = sink.find(m->entry.link_target);
  }
  return m;
}

/// Checks that the sink holds the reference tree: kinds, modes, bytes and
/// link targets (the hard-link pair may keep the data under either name).
/// `prefix` is what the archive puts before "tree" ("./" for some tools).
inline void check_tree(const CollectingSink& sink, const std::vector<Expected>& tree, const std::string& prefix = "",
                       bool check_dir_modes = true) {
  for (const auto& e : tree) {
    CAPTURE(e.path);
    const Member* m = sink.find(prefix + e.path);
    if (m == nullptr && e.kind == unpack::EntryKind::kDir) m = sink.find(prefix + e.path + "/");
    REQUIRE(m != nullptr);
    if (e.kind == unpack::EntryKind::kFile && m->entry.kind == unpack::EntryKind::kHardlink) {
      m = resolve(sink, m);
      REQUIRE(m != nullptr);
    }
    CHECK(m->entry.kind == e.kind);
    if (e.kind != unpack::EntryKind::kDir || check_dir_modes) CHECK(m->entry.mode == e.mode);
    if (e.kind == unpack::EntryKind::kFile) CHECK(m->text() == e.content);
    if (e.kind == unpack::EntryKind::kSymlink) CHECK(m->entry.link_target == e.content);
  }
  const Member* a = resolve(sink, sink.find(prefix + "tree/a.txt"));
  const Member* hl = resolve(sink, sink.find(prefix + "tree/hl.txt"));
  REQUIRE(a != nullptr);
  REQUIRE(hl != nullptr);
  CHECK(hl->text() == "hello firmware\n");
  CHECK(a->text() == "hello firmware\n");
}

/// The format registered under `name` (fails the test when missing).
inline const unpack::Format& format(std::string_view name) {
  const auto* f = unpack::find_format(name);
  REQUIRE(f != nullptr);
  return *f;
}

/// Checks that probe and extract report `size` exactly when junk follows the
/// instance, and that probe finds it again after `lead` junk bytes.
inline void check_exact_size(const unpack::Format& f, const std::string& instance, std::size_t lead = 333) {
  std::string junk = noise(4096, 9);
  auto p = f.probe(as_bytes(std::string_view(instance + junk)));
  REQUIRE(p.ok());
  CHECK(*p == instance.size());
  auto x = extract_with(f, Blob::from_string(instance + junk));
  REQUIRE(x.extracted);
  CHECK(x.consumed == instance.size());
  std::string carved = noise(lead, 3) + instance + junk;
  auto q = f.probe(as_bytes(std::string_view(carved)).subspan(lead));
  REQUIRE(q.ok());
  CHECK(*q == instance.size());
}

/// Extracts copies of `instance` with one byte flipped: densely over the first
/// header bytes after `from`, then at `count` positions spread up to `to`.
/// None may crash, hang or claim more bytes than it was given.
inline void extract_flipped(const unpack::Format& f, const std::string& instance, std::size_t count,
                            std::size_t from = 0, std::size_t to = SIZE_MAX) {
  to = std::min(to, instance.size());
  std::vector<std::size_t> at;
  for (std::size_t i = from; i < std::min(to, from + 128); i += 3) at.push_back(i);
  for (std::size_t k = 0; k < count && from < to; ++k) at.push_back(from + (to - from) * k / count);
  for (std::size_t i : at) {
    std::string flipped = instance;
    flipped[i] = static_cast<char>(flipped[i] ^ (0x41 + i % 7));
    auto x = extract_with(f, Blob::from_string(flipped));
    CHECK(x.consumed <= flipped.size());
  }
}

/// One entry for write_archive().
struct WriteEntry {
  std::string path;
  std::string content;  ///< file bytes, or the link target for links
  unpack::EntryKind kind = unpack::EntryKind::kFile;
  unsigned mode = 0644;
};

/// An archive written by libarchive in `format` (ARCHIVE_FORMAT_*), in memory,
/// without block padding at its end.
inline std::string write_archive(int format, const std::vector<WriteEntry>& entries) {
  std::string out;
  auto append = [](struct archive*, void* sink, const void* buf, std::size_t n) -> la_ssize_t {
    static_cast<std::string*>(sink)->append(static_cast<const char*>(buf), n);
    return static_cast<la_ssize_t>(n);
  };
  struct archive* a = archive_write_new();
  REQUIRE(archive_write_set_format(a, format) == ARCHIVE_OK);
  archive_write_set_bytes_in_last_block(a, 1);  // no padding after the archive
  REQUIRE(archive_write_open2(a, &out, nullptr, append, nullptr, nullptr) == ARCHIVE_OK);
  for (const auto& e : entries) {
    struct archive_entry* ae = archive_entry_new();
    archive_entry_copy_pathname(ae, e.path.c_str());
    archive_entry_set_perm(ae, e.mode);
    switch (e.kind) {
      case unpack::EntryKind::kDir: archive_entry_set_filetype(ae, AE_IFDIR); break;
      case unpack::EntryKind::kSymlink:
        archive_entry_set_filetype(ae, AE_IFLNK);
        archive_entry_copy_symlink(ae, e.content.c_str());
        break;
      case unpack::EntryKind::kHardlink:
        archive_entry_set_filetype(ae, AE_IFREG);
        archive_entry_copy_hardlink(ae, e.content.c_str());
        break;
      default:
        archive_entry_set_filetype(ae, AE_IFREG);
        archive_entry_set_size(ae, static_cast<la_int64_t>(e.content.size()));
    }
    REQUIRE(archive_write_header(a, ae) == ARCHIVE_OK);
    if (e.kind == unpack::EntryKind::kFile && !e.content.empty()) {
      REQUIRE(archive_write_data(a, e.content.data(), e.content.size()) == static_cast<la_ssize_t>(e.content.size()));
    }
    archive_entry_free(ae);
  }
  REQUIRE(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
  return out;
}

}  // namespace pedigree::test::archives
