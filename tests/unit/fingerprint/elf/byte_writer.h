// Writes integers in either byte order and texts at offsets: the tool the
// ELF tests use to build small ELF files by hand.
#pragma once

#include <cstdint>
#include <string>

namespace pedigree::test {

struct ByteWriter {
  std::string bytes;
  bool big = false;
  void put(std::uint64_t offset, std::uint64_t value, int size) {
    if (bytes.size() < offset + size) bytes.resize(offset + size, '\0');
    for (int i = 0; i < size; ++i) {
      int shift = 8 * (big ? size - 1 - i : i);
      bytes[offset + i] = static_cast<char>((value >> shift) & 0xff);
    }
  }
  void text(std::uint64_t offset, const std::string& s) {
    if (bytes.size() < offset + s.size()) bytes.resize(offset + s.size(), '\0');
    bytes.replace(offset, s.size(), s);
  }
};

}  // namespace pedigree::test
