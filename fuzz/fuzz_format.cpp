// Fuzz target for one format's probe + extract, chosen at build time with
// PEDIGREE_FUZZ_FORMAT, or (when it is empty) for the whole walker.
// Built for libFuzzer with clang (-DPEDIGREE_FUZZ=ON), and always as a replay
// tool that runs files given on the command line, so crashes found by the
// fuzzer become regression inputs under fuzz/corpus/.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/unpack/registry.h"
#include "scanner/unpack/walker.h"

namespace {

/// Accepts members and forgets them: the target is crashes, not output.
class NullSink final : public pedigree::unpack::Sink {
 public:
  bool add(pedigree::unpack::Entry, pedigree::Blob) override { return ++count_ < 100000; }
  void warn(std::string) override {}
  pedigree::unpack::OutputBudget budget() const override {
    pedigree::unpack::OutputBudget b;
    b.max_bytes = 64 << 20;
    b.max_ratio = 250;
    b.ratio_floor_bytes = 1 << 20;
    return b;
  }
  std::string_view container_name() const override { return "fuzz.bin"; }

 private:
  std::size_t count_ = 0;
};

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree;
  // Copy: the fuzzer's buffer must not be referenced after we return, and
  // members are zero-copy views.
  Blob blob = Blob::from_vector(std::vector<std::uint8_t>(data, data + size));
  std::string_view format_name = PEDIGREE_FUZZ_FORMAT;
  if (format_name.empty()) {
    Limits limits;
    limits.max_total_bytes = 256 << 20;
    limits.max_seconds = 10;
    limits.jobs = 1;
    unpack::unpack_image(blob, "fuzz.bin", limits, nullptr);
    return;
  }
  const auto* format = unpack::find_format(format_name);
  if (format == nullptr) return;
  auto size_probed = format->probe(blob.view());
  if (!size_probed) return;
  NullSink sink;
  (void)format->extract(*size_probed == 0 ? blob : blob.sub(0, *size_probed), sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
