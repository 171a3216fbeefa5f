// Detached CMS signatures of written reports, so a regulator can prove that a
// report is the one the scanner wrote: `scan --sign KEY` writes REPORT.sig
// beside each report file; `pedigree verify REPORT SIG` checks it.
#pragma once

#include <string>
#include <string_view>

#include "scanner/core/result.h"

namespace pedigree::report {

/// Who signed a report that verified.
struct Signer {
  std::string subject;         ///< one-line distinguished name of the signing certificate
  std::string sha256;          ///< SHA-256 fingerprint of that certificate (hex)
  bool chain_checked = false;  ///< true when the certificate was verified against a CA file
};

/// A DER-encoded detached CMS SignedData over `content`. `key_pem` holds the
/// private key; `cert_pem` the signer's certificate (it may be the same file).
Result<std::string> sign_detached(std::string_view content, const std::string& key_pem, const std::string& cert_pem);

/// Checks a DER (or PEM) detached CMS signature over `content`. With `ca_pem`
/// empty only the signature is checked against the certificate it carries;
/// otherwise that certificate must chain to a certificate in `ca_pem` too.
Result<Signer> verify_detached(std::string_view content, std::string_view signature, const std::string& ca_pem);

}  // namespace pedigree::report
