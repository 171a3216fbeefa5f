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

report::Report scan_sample(const std::string& sample, const std::string& image) {
  auto r = scan_image(test::sample_path(sample, image), Limits{});
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return *r;
}

/// Every manifest entry must be found in the report.
void check_manifest(const report::Report& r, const std::string& sample) {
  std::multimap<std::string, const report::File*> by_sha;
  std::map<std::string, std::vector<const report::File*>> by_path;
  for (const auto& f : r.files) {
    if (f.kind == "file") by_sha.emplace(f.sha256, &f);
    by_path[f.path].push_back(&f);
  }
  std::size_t files = 0, links = 0;
  for (const auto& e : test::read_manifest(sample)) {
    CAPTURE(e.path);
    if (!e.link_target.empty() && e.link_target != "-") {
      const auto& candidates = by_path[layer_path(e.path)];
      bool found = std::any_of(candidates.begin(), candidates.end(), [&](const report::File* f) {
        return f->kind == "symlink" && f->link_target == e.link_target;
      });
      CHECK_MESSAGE(found, "symlink missing: " << e.path << " -> " << e.link_target);
      ++links;
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
  MESSAGE(sample << ": " << files << " files and " << links << " symlinks match the manifest");
}

std::set<std::string> formats_of(const report::Report& r) {
  std::set<std::string> out;
  for (const auto& l : r.layers) out.insert(l.format);
  for (const auto& f : r.files) {
    if (!f.format.empty()) out.insert(f.format);
  }
  return out;
}

void check_formats(const report::Report& r, const std::vector<std::string>& expected) {
  auto found = formats_of(r);
  for (const auto& f : expected) CHECK_MESSAGE(found.count(f) == 1, "format not found: " << f);
}

TEST_SUITE("samples") {
  TEST_CASE("samples: MIPS sysupgrade — uImage with LZMA kernel, then SquashFS (xz) at an erase-block boundary") {
    auto r = scan_sample("mips-sysupgrade", "image.bin");
    check_formats(r, {"uimage", "lzma", "squashfs"});
    auto sq = std::find_if(r.layers.begin(), r.layers.end(), [](const auto& l) { return l.format == "squashfs"; });
    REQUIRE(sq != r.layers.end());
    CHECK(sq->offset % 0x10000 == 0);
    check_manifest(r, "mips-sysupgrade");
  }
}

}  // namespace
}  // namespace pedigree
