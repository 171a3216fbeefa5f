// Finds DER-encoded certificates and private keys embedded anywhere in a
// file (inside binaries, firmware blobs, key stores), without a PEM wrapper.
//
// A certificate is SEQUENCE { SEQUENCE tbsCertificate, ... }: with long-form
// lengths its first bytes are 30 82 hh ll 30 82. A PKCS#1 RSA key or a
// PKCS#8 key starts 30 82 hh ll 02 01 00 (version 0); a SEC 1 EC key starts
// 30 len 02 01 01 04 (version 1, then the private octets). Only candidates
// whose length fits the file and that OpenSSL parses to the exact end are
// kept, so random bytes that look like a header are dropped.
#pragma once

#include <cstddef>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/report/report.h"

namespace pedigree::security {

/// Candidate headers tried per file before the scan gives up.
inline constexpr std::size_t kMaxDerCandidates = 4096;
/// Largest DER object taken (a certificate with a 16 kbit key is under 8 KiB).
inline constexpr std::size_t kMaxDerObject = 64 * 1024;

struct DerFinds {
  std::vector<report::Certificate> certificates;  ///< offset set, origin not
  std::vector<report::PrivateKey> keys;
  bool capped = false;  ///< stopped at kMaxDerCandidates
};

DerFinds find_der_objects(ByteView data, std::size_t max_candidates = kMaxDerCandidates);

}  // namespace pedigree::security
