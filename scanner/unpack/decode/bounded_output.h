// Output buffer that enforces an OutputBudget while a decoder fills it.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

class BoundedOutput {
 public:
  BoundedOutput(const OutputBudget& budget, std::uint64_t input_size) : budget_(budget), input_size_(input_size) {}

  /// Makes room for at least one more chunk; returns the writable span size,
  /// or 0 when the budget forbids more output (why() says which limit).
  std::size_t grow();
  std::uint8_t* write_ptr() { return bytes_.data() + used_; }
  void commit(std::size_t n) { used_ += n; }
  std::uint64_t used() const { return used_; }
  /// Checks ratio and deadline against the input consumed so far.
  bool within_budget(std::uint64_t consumed);
  const char* why() const { return why_; }
  std::vector<std::uint8_t> take();

 private:
  OutputBudget budget_;
  std::uint64_t input_size_;
  std::vector<std::uint8_t> bytes_;
  std::uint64_t used_ = 0;
  const char* why_ = "";
};

}  // namespace pedigree::unpack
