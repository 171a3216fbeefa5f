// The committed test-only keys and certificates of the router sample
// (samples/overlay/router, made by samples/lib/test_pki.sh), read as bytes.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "scanner/core/bytes.h"

namespace pedigree::test {

inline std::string router_file(const std::string& path) {
  std::ifstream in(std::string(PEDIGREE_SOURCE_DIR) + "/samples/overlay/router/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline ByteView bytes_of(const std::string& s) { return as_bytes(s); }

}  // namespace pedigree::test
