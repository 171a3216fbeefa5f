// pedigree scan with --policy, --waivers and --fail-on on a sample image:
// exit codes as DESIGN.md says, waivers honoured until they expire, and the
// SARIF and HTML reports deterministic.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/manifest.h"
#include "tests/support/scratch_dir.h"

namespace pedigree {
namespace {

int run(const std::string& args) {
  const char* e = std::getenv("PEDIGREE_EXE");
  std::string exe = e != nullptr ? e : std::string(PEDIGREE_BINARY_DIR) + "/pedigree";
  int status = std::system((exe + " scan " + test::sample_path("mips-sysupgrade", "image.bin") +
                            " -q --now 2026-11-30 " + args + " 2>/dev/null")
                               .c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write(const std::string& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string waiver_file(const std::string& expires) {
  return R"({"waivers": [{"id": "W-1", "finding": "PEDIGREE-CRED-*", "reason": "lab image", "author": "qa",
                          "expires": ")" +
         expires + R"("}, {"id": "W-2", "finding": "PEDIGREE-KEY-*", "reason": "lab image", "author": "qa",
                          "expires": ")" +
         expires + R"("}, {"id": "W-3", "finding": "PEDIGREE-VULN-*", "reason": "lab image", "author": "qa",
                          "expires": ")" +
         expires + R"("}]})";
}

TEST_SUITE("cli") {
  TEST_CASE("cli: --fail-on exits 1 on a finding at or above it, 0 otherwise") {
    CHECK(run("--fail-on critical") == 1);
    CHECK(run("") == 0);
    test::ScratchDir tmp;
    write(tmp.path() + "/lenient.json", R"({"name": "lenient", "severity_overrides": {"CRED-*": "low", "KEY-*": "low",
                                             "SVC-*": "low", "CERT-*": "low", "VULN*": "low"}})");
    CHECK(run("--fail-on high --policy " + tmp.path() + "/lenient.json") == 0);
    CHECK(run("--fail-on low --policy " + tmp.path() + "/lenient.json") == 1);
  }

  TEST_CASE("cli: waivers count until they expire, and the report says when they have") {
    test::ScratchDir tmp;
    write(tmp.path() + "/active.json", waiver_file("2099-12-31"));
    write(tmp.path() + "/expired.json", waiver_file("2026-11-29"));
    CHECK(run("--fail-on critical --waivers " + tmp.path() + "/active.json -o json=" + tmp.path() + "/a.json") == 0);
    CHECK(slurp(tmp.path() + "/a.json").find("\"status\": \"active\"") != std::string::npos);
    CHECK(run("--fail-on critical --waivers " + tmp.path() + "/expired.json -o json=" + tmp.path() + "/e.json") == 1);
    std::string expired = slurp(tmp.path() + "/e.json");
    CHECK(expired.find("\"status\": \"expired\"") != std::string::npos);
    CHECK(expired.find("\"kind\": \"waiver-expired\"") != std::string::npos);
    for (const char* report : {"/a.json", "/e.json"}) {
      int rc = std::system(("/usr/bin/python3 -m jsonschema -i " + tmp.path() + report + " " + PEDIGREE_SOURCE_DIR +
                            "/docs/report.schema.json >/dev/null 2>&1")
                               .c_str());
      CHECK_MESSAGE(rc == 0, report);
    }
  }

  TEST_CASE("cli: a waiver that names a CVE becomes the VEX analysis of the CycloneDX SBOM") {
    test::ScratchDir tmp;
    const std::string d = tmp.path();
    REQUIRE(run("-o json=" + d + "/plain.json") == 0);
    auto plain = nlohmann::json::parse(slurp(d + "/plain.json"));
    REQUIRE_FALSE(plain["vulnerabilities"].empty());
    const std::string cve = plain["vulnerabilities"][0]["id"];
    CHECK(plain["sboms"].empty());
    write(d + "/vex.json", R"({"waivers": [{"id": "W-VEX", "finding": ")" + cve +
                               R"(", "reason": "feature not built", "author": "qa", "expires": "2099-12-31",
                               "state": "not_affected", "justification": "code_not_present"}]})");
    REQUIRE(run("--waivers " + d + "/vex.json -o json=" + d + "/r.json -o cyclonedx=" + d + "/sbom.cdx.json") == 0);
    auto sbom = nlohmann::json::parse(slurp(d + "/sbom.cdx.json"));
    REQUIRE(sbom.contains("vulnerabilities"));
    std::size_t stated = 0;
    for (const auto& v : sbom["vulnerabilities"]) {
      if (v["id"] != cve) continue;
      ++stated;
      CHECK(v["analysis"]["state"] == "not_affected");
      CHECK(v["analysis"]["justification"] == "code_not_present");
    }
    CHECK(stated >= 1);
    auto r = nlohmann::json::parse(slurp(d + "/r.json"));
    CHECK(r["waivers"][0]["matched"] == stated);
    REQUIRE(r["sboms"].size() == 1);
    CHECK(r["sboms"][0]["path"] == d + "/sbom.cdx.json");
    for (const auto& p : r["provisions"]) {
      if (p["id"] == "CRA I-2(1)") CHECK(p["evidence"].size() == 1);
    }
    int rc = std::system(("/usr/bin/python3 -m jsonschema -i " + d + "/r.json " + PEDIGREE_SOURCE_DIR +
                          "/docs/report.schema.json >/dev/null 2>&1")
                             .c_str());
    CHECK(rc == 0);
  }

  TEST_CASE("cli: a stable kernel release that carries a fix is not reported vulnerable") {
    // Regression: CVE-2023-0386 was fixed upstream in 6.2 and backported to 5.15.91 and 6.1.9;
    // the sample's Debian kernel 6.1.176 once matched a plain "< 6.2".
    test::ScratchDir tmp;
    REQUIRE(run("-o json=" + tmp.path() + "/r.json") == 0);
    auto r = nlohmann::json::parse(slurp(tmp.path() + "/r.json"));
    bool kernel_found = false;
    for (const auto& c : r["components"]) kernel_found |= c["name"] == "linux";
    CHECK(kernel_found);
    for (const auto& v : r["vulnerabilities"]) CHECK(v["id"] != "CVE-2023-0386");
  }

  TEST_CASE("cli: a bad policy, waiver file or severity is bad usage") {
    test::ScratchDir tmp;
    write(tmp.path() + "/bad.json", R"({"waivers": [{"id": "W-1"}]})");
    CHECK(run("--policy /nonexistent/policy.json") == 2);
    CHECK(run("--waivers " + tmp.path() + "/bad.json") == 2);
    CHECK(run("--fail-on severe") == 2);
  }

  TEST_CASE("cli: the presets judge the sample differently and name themselves in the report") {
    test::ScratchDir tmp;
    REQUIRE(run("--policy us-procurement -o json=" + tmp.path() + "/us.json") == 0);
    REQUIRE(run("--policy eu-cra -o json=" + tmp.path() + "/eu.json") == 0);
    CHECK(slurp(tmp.path() + "/us.json").find("\"policy\": \"us-procurement\"") != std::string::npos);
    CHECK(slurp(tmp.path() + "/eu.json").find("\"policy\": \"eu-cra\"") != std::string::npos);
    CHECK(slurp(tmp.path() + "/eu.json").find("\"verdict\": \"evidence of non-conformity\"") != std::string::npos);
  }

  TEST_CASE("cli: SARIF and HTML reports are byte-identical across runs") {
    test::ScratchDir tmp;
    const std::string d = tmp.path();
    REQUIRE(run("-o sarif=" + d + "/a.sarif -o html=" + d + "/a.html") == 0);
    REQUIRE(run("--jobs 1 -o sarif=" + d + "/b.sarif -o html=" + d + "/b.html") == 0);
    CHECK(slurp(d + "/a.sarif") == slurp(d + "/b.sarif"));
    CHECK(slurp(d + "/a.html") == slurp(d + "/b.html"));
    CHECK(slurp(d + "/a.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace pedigree
