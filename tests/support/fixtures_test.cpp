// Test-support definitions shared by every test file.
#include <doctest/doctest.h>

#include "tests/support/collecting_sink.h"

namespace pedigree::test {

Blob read_file(const std::string& path) {
  auto b = Blob::map_file(path);
  REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message));
  return *b;
}

}  // namespace pedigree::test
