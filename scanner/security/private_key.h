// Private keys in the encodings OpenSSL reads: PKCS#1 (RSA), SEC 1 (EC),
// legacy DSA, PKCS#8 and encrypted PKCS#8 (RFC 5958, RFC 5208).
#pragma once

#include <optional>
#include <string_view>

#include "scanner/core/bytes.h"
#include "scanner/report/report.h"

namespace pedigree::security {

/// Parses a DER private key whose encoding is named by its PEM label
/// ("RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "PRIVATE KEY",
/// "ENCRYPTED PRIVATE KEY"). `legacy_encrypted` is the PEM Proc-Type flag:
/// the body is then ciphertext and only the label is known. The DER must fill
/// `der` exactly.
std::optional<report::PrivateKey> parse_private_key(std::string_view pem_label, ByteView der,
                                                    bool legacy_encrypted = false);

/// True for the PEM labels parse_private_key understands.
bool is_private_key_label(std::string_view pem_label);

}  // namespace pedigree::security
