// Fuzz target for the user inputs of the risk assessment: policy files and
// waiver files (JSON), plus the waiver pattern matcher on what they name.
// Built for libFuzzer with clang, and always as a replay tool over files
// given on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz/replay_main.h"
#include "scanner/risk/policy.h"
#include "scanner/risk/waivers.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto p = pedigree::risk::parse_policy(text); p.ok()) {
    (void)p->apply_override("CRED-EMPTY", "high");
    (void)p->list_severity("fcc-covered");
  }
  if (auto w = pedigree::risk::parse_waivers(text); w.ok()) {
    for (const auto& x : *w) (void)pedigree::risk::matches_pattern(x.finding, "PEDIGREE-SVC-UPNP-0badcafe");
  }
  (void)pedigree::risk::matches_pattern(text, "PEDIGREE-CRED-DEFAULT-12345678");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
