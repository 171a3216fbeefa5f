// One file as the fingerprinting analyzers see it: its bytes and where it sits.
#pragma once

#include <cstdint>
#include <string>

#include "scanner/core/bytes.h"

namespace pedigree::fingerprint {

struct FileRef {
  std::string origin;        ///< origin chain: "image.bin @0x40000 squashfs → /usr/sbin/dropbear"
  std::string path;          ///< '/'-rooted path inside its layer; the image name for the image itself
  std::string layer_format;  ///< format of the layer the file came out of; empty for the image
  std::uint32_t mode = 0;
  std::uint32_t depth = 0;  ///< layers between the image and the file
  ByteView data;
};

}  // namespace pedigree::fingerprint
