// The pedigree executable as a user runs it: exit codes, one-line errors,
// reports written atomically, valid against the committed JSON Schema, and
// deterministic.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include "tests/support/cli_run.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/manifest.h"

namespace pedigree {
namespace {

namespace fs = std::filesystem;

using Run = test::CommandResult;

Run sh(const std::string& cmd) { return test::run_command(cmd); }

std::string exe() { return test::pedigree_exe(); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "pedigree-cli-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

TEST_SUITE("cli") {
  TEST_CASE("cli: an unreadable image exits 2 with one line on stderr") {
    auto r = sh(exe() + " scan /nonexistent/image.bin 2>&1");
    CHECK(r.code == 2);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(r.out.find("/nonexistent/image.bin") != std::string::npos);
  }

  TEST_CASE("cli: a missing provenance database exits 2 with one line, before any work") {
    std::string image = test::sample_path("mips-sysupgrade", "image.bin");
    for (const std::string& args :
         {" scan " + image + " --db /nonexistent/p.db", " --db /nonexistent/p.db scan " + image}) {
      auto r = sh(exe() + args + " 2>&1");
      CHECK(r.code == 2);
      CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
      CHECK(r.out.find("/nonexistent/p.db") != std::string::npos);
    }
  }

  TEST_CASE("cli: the report names the bundled database's schema and sources") {
    TempDir tmp;
    auto r = sh(exe() + " scan " + test::sample_path("mips-sysupgrade", "image.bin") +
                " --quiet -o json=" + (tmp.path / "r.json").string());
    REQUIRE(r.code == 0);
    std::string json = slurp(tmp.path / "r.json");
    CHECK(json.find("\"database\": {") != std::string::npos);
    CHECK(json.find("\"seed:vendors\"") != std::string::npos);
    CHECK(json.find("\"ieee-oui\"") != std::string::npos);
    CHECK(json.find("\"vulnerabilities\": [") != std::string::npos);
  }

  TEST_CASE("cli: scan --sign writes REPORT.sig; verify accepts it and rejects a tampered report") {
    TempDir tmp;
    std::string dir = tmp.path.string();
    REQUIRE(sh("cd " + dir +
               " && openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 30 -subj /CN=lab "
               ">/dev/null 2>&1")
                .code == 0);
    std::string image = test::sample_path("mips-sysupgrade", "image.bin");
    auto r = sh(exe() + " scan " + image + " --quiet -o json=" + dir + "/r.json --sign " + dir + "/k.pem --sign-cert " +
                dir + "/c.pem");
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(tmp.path / "r.json.sig"));
    auto ok = sh(exe() + " verify " + dir + "/r.json " + dir + "/r.json.sig --ca " + dir + "/c.pem");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("signature verified") != std::string::npos);
    std::string report = slurp(tmp.path / "r.json");
    report[report.size() / 2] ^= 1;
    std::ofstream(tmp.path / "r.json", std::ios::binary) << report;
    CHECK(sh(exe() + " verify " + dir + "/r.json " + dir + "/r.json.sig 2>/dev/null").code == 1);
    CHECK(sh(exe() + " verify " + dir + "/missing.json " + dir + "/r.json.sig 2>/dev/null").code == 2);
  }

  TEST_CASE("cli: diff of two firmware versions names what changed") {
    TempDir tmp;
    std::string dir = tmp.path.string();
    REQUIRE(sh(exe() + " scan " + test::sample_path("mips-sysupgrade", "image.bin") + " -q -o json=" + dir + "/a.json")
                .code == 0);
    REQUIRE(sh(exe() + " scan " + test::sample_path("arm-nand", "image.bin") + " -q -o json=" + dir + "/b.json").code ==
            0);
    auto same = sh(exe() + " diff " + dir + "/a.json " + dir + "/a.json");
    CHECK(same.code == 0);
    CHECK(same.out.find("No differences") != std::string::npos);
    auto d = sh(exe() + " diff " + dir + "/a.json " + dir + "/b.json -o json=" + dir + "/d.json");
    CHECK(d.code == 0);
    CHECK(slurp(tmp.path / "d.json").find("\"schema\": \"pedigree-diff/1\"") != std::string::npos);
    CHECK(sh(exe() + " diff " + dir + "/a.json /nonexistent.json 2>/dev/null").code == 2);
  }

  TEST_CASE("cli: bad usage exits 2") {
    CHECK(sh(exe() + " scan 2>/dev/null").code == 2);
    CHECK(sh(exe() + " scan /dev/null -o pdf 2>/dev/null").code == 2);
    CHECK(sh(exe() + " scan /dev/null --max-total lots 2>/dev/null").code == 2);
    CHECK(sh(exe() + " frobnicate 2>/dev/null").code == 2);
  }

  TEST_CASE("cli: the JSON report of a sample is valid against docs/report.schema.json and deterministic") {
    TempDir tmp;
    std::string image = test::sample_path("mips-sysupgrade", "image.bin");
    auto a = sh(exe() + " scan " + image + " --quiet -o json=" + (tmp.path / "a.json").string());
    auto b = sh(exe() + " scan " + image + " --quiet --jobs 1 -o json=" + (tmp.path / "b.json").string());
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    CHECK(slurp(tmp.path / "a.json") == slurp(tmp.path / "b.json"));
    auto v = sh("/usr/bin/python3 -m jsonschema -i " + (tmp.path / "a.json").string() + " " + PEDIGREE_SOURCE_DIR +
                "/docs/report.schema.json 2>&1");
    CHECK_MESSAGE(v.code == 0, v.out);
    // No temporary files are left beside the report.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
    CHECK(entries == 2);
  }

  TEST_CASE("cli: the text summary names the image, its layers and counts") {
    auto r = sh(exe() + " scan " + test::sample_path("mips-sysupgrade", "image.bin"));
    CHECK(r.code == 0);
    CHECK(r.out.find("image.bin") != std::string::npos);
    CHECK(r.out.find("squashfs") != std::string::npos);
    CHECK(r.out.find("files,") != std::string::npos);
    CHECK(r.out.find("\x1b[") == std::string::npos);  // no colour when not a terminal
  }

  TEST_CASE("cli: on a terminal a long scan shows its step, files and bytes on stderr; --quiet shows nothing") {
    // script(1) gives the scan a terminal; on one thread the ISO sample takes longer than the first redraw.
    TempDir d;
    const std::string image = test::sample_path("bundle", "bundle.iso");
    const std::string scan = exe() + " scan " + image + " --jobs 1 -o json=" + (d.path / "r.json").string();
    auto shown = sh("script -qec '" + scan + " 2>&1 >/dev/null' /dev/null | tr '\\r' '\\n'");
    REQUIRE(shown.code == 0);
    CHECK(shown.out.find("unpacking: ") != std::string::npos);
    CHECK(shown.out.find(" files, ") != std::string::npos);
    CHECK(shown.out.find(" MiB, ") != std::string::npos);
    auto quiet = sh("script -qec '" + scan + " -q 2>&1 >/dev/null' /dev/null");
    REQUIRE(quiet.code == 0);
    CHECK(quiet.out.find("pedigree:") == std::string::npos);
  }

  TEST_CASE("cli: extract writes the tree under the output directory only") {
    TempDir tmp;
    auto r = sh(exe() + " extract " + test::sample_path("mips-sysupgrade", "image.bin") + " -C " +
                (tmp.path / "out").string() + " --quiet");
    // Parents of the output directory are created too.
    std::ofstream(tmp.path / "empty.bin").close();
    CHECK(sh(exe() + " extract " + (tmp.path / "empty.bin").string() + " -C " + (tmp.path / "a/b/c").string() +
             " --quiet")
              .code == 0);
    CHECK(fs::is_directory(tmp.path / "a/b/c"));
    REQUIRE(r.code == 0);
    // The root file system sits at an erase-block boundary after the kernel.
    fs::path rootfs;
    for (const auto& e : fs::directory_iterator(tmp.path / "out")) {
      if (e.path().extension() == ".squashfs") rootfs = e.path();
    }
    REQUIRE(!rootfs.empty());
    CHECK(fs::exists(rootfs / "bin/busybox"));
    CHECK(fs::is_symlink(rootfs / "bin/sh"));
    CHECK(fs::exists(tmp.path / "out/0x0.uimage/kernel.lzma.extracted/0x0.lzma/kernel"));
  }
}

}  // namespace
}  // namespace pedigree
