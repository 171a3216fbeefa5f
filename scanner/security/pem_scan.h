// Finds PEM blocks ("-----BEGIN <LABEL>-----" … "-----END <LABEL>-----")
// anywhere in a file: text files, and strings embedded in binaries.
//
// RFC 7468 textual encoding: a label line, optional RFC 1421 headers
// ("Proc-Type: 4,ENCRYPTED", "DEK-Info: ..."), base64 lines, the end line
// with the same label. Non-PEM bytes around the blocks are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"

namespace pedigree::security {

struct PemBlock {
  std::string label;               ///< "CERTIFICATE", "RSA PRIVATE KEY", ...
  std::uint64_t offset = 0;        ///< of the BEGIN line
  std::vector<std::uint8_t> body;  ///< the decoded base64
  bool proc_encrypted = false;     ///< "Proc-Type: 4,ENCRYPTED" header (legacy OpenSSL encryption)
};

/// Largest decoded PEM body kept (a certificate is a few KiB; bundles are split).
inline constexpr std::size_t kMaxPemBody = 256 * 1024;
/// Most blocks reported per file (a CA bundle has a few hundred).
inline constexpr std::size_t kMaxPemBlocks = 1024;

/// Every well-formed block, in file order. Malformed blocks are skipped.
std::vector<PemBlock> find_pem_blocks(ByteView data, std::size_t max_blocks = kMaxPemBlocks);

/// Decodes base64 into `out`, ignoring whitespace; false on a character
/// outside the alphabet, data after padding, or more than `max_out` bytes.
bool decode_base64(std::string_view text, std::vector<std::uint8_t>& out, std::size_t max_out);

}  // namespace pedigree::security
