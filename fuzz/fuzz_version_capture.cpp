// Fuzz target for the version capture of component rules: the input's first
// line is a capture spec (and a lone version pattern), the rest the window it
// reads. Also runs every rule of the built-in set over the input, so rule
// matching, version capture and relation labelling see hostile bytes. Replay tool without libFuzzer.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/fingerprint/component_rules_analyzer.h"
#include "scanner/fingerprint/lone_version.h"
#include "scanner/fingerprint/version_capture.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  auto nl = all.find('\n');
  std::string_view spec = all.substr(0, nl);
  std::string_view window = nl == std::string_view::npos ? std::string_view{} : all.substr(nl + 1);
  auto v = fingerprint::capture_version(spec, window);
  if (v && (v->empty() || v->size() > fingerprint::kMaxVersionLength)) __builtin_trap();
  // The same line as a lone version pattern, read from the rest.
  std::size_t at = 0;
  auto lone = fingerprint::lone_version(spec, window, &at);
  if (lone && (lone->empty() || at + lone->size() > window.size())) __builtin_trap();
  // Copy so that the analyzer's views never point into the fuzzer's buffer.
  std::vector<std::uint8_t> bytes(data, data + size);
  static const fingerprint::ComponentRulesAnalyzer analyzer(fingerprint::builtin_component_rules());
  fingerprint::FileRef file{"fuzz.bin", "/usr/lib/libz.so.1", "", 0, 0, ByteView(bytes)};
  fingerprint::Facts facts;
  analyzer.analyze(file, facts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
