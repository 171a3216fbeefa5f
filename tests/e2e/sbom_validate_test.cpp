// The SBOMs checked by the formats' own validators: CycloneDX by the
// CycloneDX project's JavaScript library (npm @cyclonedx/cyclonedx-library,
// which bundles the official 1.6 schema), SPDX by python3-jsonschema against
// the official SPDX 2.3 JSON schema. Both on a report filled in by hand, on an
// empty one and on every sample image, whose SBOMs must also be the same
// bytes on a second run.
//
// The validators are installed by tests/validators/install.sh (a ctest
// fixture) into PEDIGREE_VALIDATORS_DIR; the SPDX schema is read from
// PEDIGREE_SPDX_SCHEMA, by default the shared schema directory beside the
// source tree.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include "tests/support/cli_run.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "scanner/report/cyclonedx_writer.h"
#include "scanner/report/spdx_writer.h"
#include "tests/support/manifest.h"
#include "tests/support/report_model.h"
#include "tests/support/scratch_dir.h"

namespace pedigree {
namespace {

using Run = test::CommandResult;

/// Validators print their complaints on stderr: keep them in the output.
Run sh(const std::string& cmd) { return test::run_command(cmd + " 2>&1"); }

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::string exe() { return test::pedigree_exe(); }

/// The schema from PEDIGREE_SPDX_SCHEMA, or from the shared directory that
/// sits beside the checkout (or beside the directory of worktrees).
std::string spdx_schema() {
  if (const char* v = std::getenv("PEDIGREE_SPDX_SCHEMA"); v != nullptr && *v != '\0') return v;
  for (const char* up : {"/..", "/../.."}) {
    std::string p = std::string(PEDIGREE_SOURCE_DIR) + up + "/shared/schemas/spdx-2.3.schema.json";
    if (std::filesystem::exists(p)) return p;
  }
  return std::string(PEDIGREE_SOURCE_DIR) + "/../shared/schemas/spdx-2.3.schema.json";
}

std::string cyclonedx_command(const std::string& file) {
  std::string modules =
      env_or("PEDIGREE_VALIDATORS_DIR", std::string(PEDIGREE_BINARY_DIR) + "/validators") + "/node_modules";
  REQUIRE_MESSAGE(std::filesystem::exists(modules + "/@cyclonedx/cyclonedx-library"),
                  "CycloneDX validator missing: run tests/validators/install.sh " << modules);
  return "node " + std::string(PEDIGREE_SOURCE_DIR) + "/tests/validators/validate_cyclonedx.cjs " + modules + " " +
         file;
}

std::string spdx_command(const std::string& file) {
  REQUIRE_MESSAGE(std::filesystem::exists(spdx_schema()),
                  "SPDX 2.3 schema not found at " << spdx_schema() << " (set PEDIGREE_SPDX_SCHEMA)");
  return "/usr/bin/python3 -m jsonschema -i " + file + " " + spdx_schema();
}

void check_cyclonedx_valid(const std::string& file) {
  auto r = sh(cyclonedx_command(file));
  CHECK_MESSAGE(r.code == 0, r.out);
}

void check_spdx_valid(const std::string& file) {
  auto r = sh(spdx_command(file));
  CHECK_MESSAGE(r.code == 0, r.out);
}

TEST_SUITE("sbom-validate") {
  TEST_CASE("sbom-validate: SBOMs of a filled and of an empty report are valid") {
    test::ScratchDir dir;
    report::Report empty;
    empty.tool_version = "0.1.0";
    empty.image.name = "empty.bin";
    empty.image.sha256 = std::string(64, '0');
    dir.write("filled.cdx.json", report::to_cyclonedx(test::small_report()));
    dir.write("filled.spdx.json", report::to_spdx(test::small_report()));
    dir.write("vex.cdx.json", report::to_cyclonedx(test::small_report_with_vulnerabilities()));
    dir.write("empty.cdx.json", report::to_cyclonedx(empty));
    dir.write("empty.spdx.json", report::to_spdx(empty));
    // The validators do reject a broken document.
    dir.write("bad.cdx.json", R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": "one"})");
    dir.write("bad.spdx.json", R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT"})");
    CHECK(sh(cyclonedx_command(dir.path("bad.cdx.json"))).code != 0);
    CHECK(sh(spdx_command(dir.path("bad.spdx.json"))).code != 0);
    for (std::string name : {"filled", "empty"}) {
      CAPTURE(name);
      check_cyclonedx_valid(dir.path(std::string(name) + ".cdx.json"));
      check_spdx_valid(dir.path(std::string(name) + ".spdx.json"));
    }
    check_cyclonedx_valid(dir.path("vex.cdx.json"));
  }

  TEST_CASE("sbom-validate: every sample image gives valid SBOMs, the same bytes on a second run") {
    const std::pair<const char*, const char*> kImages[] = {
        {"mips-sysupgrade", "image.bin"}, {"arm-nand", "image.bin"},         {"trx", "image.trx"},
        {"jffs2-be", "image.bin"},        {"kernel-initramfs", "image.elf"}, {"bundle", "update.zip"},
    };
    test::ScratchDir dir;
    for (const auto& [sample, file] : kImages) {
      std::string name = sample;
      CAPTURE(name);
      std::string image = test::sample_path(sample, file), base = dir.path(sample);
      for (const char* run : {"1", "2"}) {
        auto r = sh(exe() + " scan " + image + " --quiet --now 2026-01-31" + (run[0] == '2' ? " --jobs 1" : "") +
                    " -o cyclonedx=" + base + run + ".cdx.json -o spdx=" + base + run + ".spdx.json");
        REQUIRE_MESSAGE(r.code == 0, r.out);
      }
      CHECK(dir.read(std::string(sample) + "1.cdx.json") == dir.read(std::string(sample) + "2.cdx.json"));
      CHECK(dir.read(std::string(sample) + "1.spdx.json") == dir.read(std::string(sample) + "2.spdx.json"));
      check_cyclonedx_valid(base + "1.cdx.json");
      check_spdx_valid(base + "1.spdx.json");
    }
  }
}

}  // namespace
}  // namespace pedigree
