// What a user sees of the security sections: --now is checked and recorded,
// the text report leads with findings, and no password appears in full in
// either report.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include "tests/support/cli_run.h"

#include <cstdio>
#include <cstdlib>

#include "tests/support/manifest.h"

namespace pedigree {
namespace {

using Run = test::CommandResult;

Run run(const std::string& cmd) { return test::run_command(cmd); }

std::string exe() { return test::pedigree_exe(); }

/// Passwords that went into the router sample (samples/README.md).
constexpr const char* kSecrets[] = {"xc3511", "password1234"};

TEST_SUITE("cli") {
  TEST_CASE("cli: --now takes a real date") {
    CHECK(run(exe() + " scan /dev/null --now 2023-02-30 2>/dev/null").code == 2);
    CHECK(run(exe() + " scan /dev/null --now tomorrow 2>/dev/null").code == 2);
  }

  TEST_CASE("cli: the router sample's reports lead with findings and never print a password") {
    std::string image = test::sample_path("mips-sysupgrade", "image.bin");
    auto text = run(exe() + " scan " + image + " --now 2027-01-15");
    REQUIRE(text.code == 0);
    auto findings = text.out.find("Findings (");
    REQUIRE(findings != std::string::npos);
    CHECK(findings < text.out.find("Layers"));
    CHECK(text.out.find("critical Private key in the image") != std::string::npos);
    CHECK(text.out.find("judged as of 2027-01-15") != std::string::npos);
    CHECK(text.out.find("known password x****1") != std::string::npos);
    auto json = run(exe() + " scan " + image + " --now 2027-01-15 --quiet -o json");
    REQUIRE(json.code == 0);
    CHECK(json.out.find("\"reference_date\": \"2027-01-15\"") != std::string::npos);
    for (const char* s : kSecrets) {
      CAPTURE(s);
      CHECK(text.out.find(s) == std::string::npos);
      CHECK(json.out.find(s) == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace pedigree
