// A PEM bundle of CA certificates (Debian's /etc/ssl/certs/ca-certificates.crt):
// "-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----" blocks, with
// any text between them ignored. Each certificate is decoded with OpenSSL.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// What the database keeps of one CA certificate.
struct CaCert {
  std::string subject;       ///< RFC 2253 one-line form
  std::string organization;  ///< subject O, UTF-8; empty when absent
  std::string country;       ///< subject C; empty when absent
  std::string sha256;        ///< lower-case hex SHA-256 of the DER encoding
  std::string not_after;     ///< YYYY-MM-DD (UTC)
  std::size_t line = 0;      ///< line of its BEGIN marker
};

/// Caps on one bundle.
struct CaBundleLimits {
  std::size_t max_certificates = 10'000;
  std::size_t max_block_bytes = 256 * 1024;
};

/// Parses every certificate in the bundle. A block that does not decode is
/// an error naming `name` and the block's first line.
Result<std::vector<CaCert>> parse_ca_bundle(std::string_view pem, const std::string& name, CaBundleLimits limits = {});

}  // namespace pedigree::db
