// Scans the sample images built by samples/build.sh from real Debian binaries
// and checks the report against what went in (manifest.tsv): every file
// byte-identical (SHA-256), every symlink with its target, modes kept, and
// the expected layers found.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "scanner/scan.h"
#include "tests/support/manifest.h"

namespace pedigree {
namespace {

/// In-layer path of a manifest path ("image.bin/etc/passwd" → "/etc/passwd").
std::string layer_path(const std::string& manifest_path) {
  auto slash = manifest_path.find('/');
  return slash == std::string::npos ? "/" + manifest_path : manifest_path.substr(slash);
}

/// The image file a manifest path belongs to ("image.bin/etc/passwd" → "image.bin").
std::string image_of(const std::string& manifest_path) { return manifest_path.substr(0, manifest_path.find('/')); }

report::Report scan_sample(const std::string& sample, const std::string& image) {
  auto r = scan_image(test::sample_path(sample, image), Limits{});
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return *r;
}

/// A flash partition as a whole ("nand:NAND.SPL") is a carved region, not a
/// file: its content is checked through what it contains.
bool is_partition(const test::ManifestEntry& e) {
  return e.layer.find('>') == std::string::npos && e.layer.rfind("nand:", 0) == 0;
}

/// Every manifest entry of one image must be found in its report.
void check_entries(const report::Report& r, const std::vector<test::ManifestEntry>& entries) {
  std::multimap<std::string, const report::File*> by_sha;
  std::map<std::string, std::vector<const report::File*>> by_path;
  for (const auto& f : r.files) {
    if (f.kind == "file") by_sha.emplace(f.sha256, &f);
    by_path[f.path].push_back(&f);
  }
  std::size_t files = 0, links = 0;
  for (const auto& e : entries) {
    CAPTURE(e.layer);
    CAPTURE(e.path);
    if (is_partition(e)) continue;
    if (e.layer == "file") {
      CHECK(r.image.sha256 == e.sha256);
      continue;
    }
    if (!e.link_target.empty() && e.link_target != "-") {
      const auto& candidates = by_path[layer_path(e.path)];
      bool found = std::any_of(candidates.begin(), candidates.end(), [&](const report::File* f) {
        return f->kind == "symlink" && f->link_target == e.link_target;
      });
      CHECK_MESSAGE(found, "symlink missing: " << e.path << " -> " << e.link_target);
      links += found ? 1 : 0;
      continue;
    }
    auto [lo, hi] = by_sha.equal_range(e.sha256);
    CHECK_MESSAGE(lo != hi, "file missing or different: " << e.path);
    if (lo == hi) continue;
    ++files;
    if (e.mode.empty() || e.mode == "-") continue;
    unsigned mode = std::stoul(e.mode, nullptr, 8);
    bool mode_ok = std::any_of(lo, hi, [&](const auto& kv) { return kv.second->mode == mode; });
    CHECK_MESSAGE(mode_ok, "mode differs: " << e.path);
  }
  MESSAGE(r.image.name << ": " << files << " files and " << links << " symlinks match the manifest");
}

std::set<std::string> formats_of(const report::Report& r) {
  std::set<std::string> out;
  if (!r.image.format.empty()) out.insert(r.image.format);
  for (const auto& l : r.layers) out.insert(l.format);
  for (const auto& f : r.files) {
    if (!f.format.empty()) out.insert(f.format);
  }
  return out;
}

void check_formats(const report::Report& r, const std::vector<std::string>& expected) {
  auto found = formats_of(r);
  for (const auto& f : expected) CHECK_MESSAGE(found.count(f) == 1, r.image.name << ": format not found: " << f);
}

/// Scans every image a sample's manifest names and checks its entries.
std::map<std::string, report::Report> check_sample(const std::string& sample) {
  std::map<std::string, std::vector<test::ManifestEntry>> by_image;
  for (auto& e : test::read_manifest(sample)) by_image[image_of(e.path)].push_back(std::move(e));
  std::map<std::string, report::Report> reports;
  for (const auto& [image, entries] : by_image) {
    auto r = scan_sample(sample, image);
    check_entries(r, entries);
    reports.emplace(image, std::move(r));
  }
  return reports;
}

const report::Layer* find_layer(const report::Report& r, std::string_view format) {
  for (const auto& l : r.layers) {
    if (l.format == format) return &l;
  }
  return nullptr;
}

TEST_SUITE("samples") {
  TEST_CASE("samples: MIPS sysupgrade — uImage with LZMA kernel, then SquashFS (xz) at an erase-block boundary") {
    auto reports = check_sample("mips-sysupgrade");
    const auto& r = reports.at("image.bin");
    check_formats(r, {"uimage", "lzma", "squashfs"});
    const auto* sq = find_layer(r, "squashfs");
    REQUIRE(sq != nullptr);
    CHECK(sq->offset % 0x10000 == 0);
  }

  TEST_CASE("samples: ARM NAND dump — SPL, U-Boot FIT, kernel FIT with DTB, UBI with UBIFS volumes, JFFS2") {
    auto reports = check_sample("arm-nand");
    check_formats(reports.at("image.bin"), {"fit", "dtb", "ubi", "ubifs", "jffs2"});
  }

  TEST_CASE("samples: big-endian JFFS2") {
    auto reports = check_sample("jffs2-be");
    check_formats(reports.at("image.bin"), {"jffs2"});
  }

  TEST_CASE("samples: Broadcom TRX with LZMA kernel and SquashFS") {
    auto reports = check_sample("trx");
    check_formats(reports.at("image.trx"), {"trx", "lzma", "squashfs"});
  }

  TEST_CASE("samples: ELF kernel with an embedded initramfs, and an odc cpio") {
    auto reports = check_sample("kernel-initramfs");
    check_formats(reports.at("image.elf"), {"elf", "gzip", "cpio"});
  }

  TEST_CASE("samples: vendor bundle — zip → tar.gz → sysupgrade, and 7z and ISO variants") {
    auto reports = check_sample("bundle");
    for (const auto& [image, r] : reports) check_formats(r, {"squashfs", "uimage", "lzma"});
  }

  TEST_CASE("samples: every single format sample extracts byte-identically") {
    auto reports = check_sample("formats");
    std::set<std::string> all;
    for (const auto& [image, r] : reports) {
      auto f = formats_of(r);
      all.insert(f.begin(), f.end());
    }
    for (const char* f : {"gzip", "xz", "lzma", "bzip2", "zstd", "lz4", "zlib", "tar", "cpio", "ar", "squashfs",
                          "cramfs", "jffs2", "uimage", "android_boot", "dtb", "ihex", "srec"}) {
      CHECK_MESSAGE(all.count(f) == 1, "format never found in the format samples: " << std::string(f));
    }
  }
}

}  // namespace
}  // namespace pedigree
