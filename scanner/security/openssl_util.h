// Small RAII wrappers and helpers around OpenSSL libcrypto, used only inside
// scanner/security/*.cpp so that no OpenSSL type leaks into other headers.
#pragma once

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "scanner/core/bytes.h"

namespace pedigree::security {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct BnFree {
  void operator()(BIGNUM* p) const { BN_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

/// What we report of a key: its type name, size in bits and curve.
struct KeyShape {
  std::string type;  ///< rsa, ec, ed25519, ed448, dsa, unknown
  std::uint32_t bits = 0;
  std::string curve;
};

KeyShape key_shape(const EVP_PKEY* key);

/// SHA-256 of the DER SubjectPublicKeyInfo of a key; empty on failure.
std::string spki_sha256(const EVP_PKEY* key);

/// Lower-case hex of bytes.
std::string hex_lower(ByteView bytes);

/// An RSA public key from its big-endian modulus and exponent.
PkeyPtr rsa_public_key(ByteView n, ByteView e);

/// An Ed25519 public key from its 32 raw bytes.
PkeyPtr ed25519_public_key(ByteView raw);

}  // namespace pedigree::security

namespace pedigree::security {

/// An EC public key on a named curve ("prime256v1") from its encoded point.
PkeyPtr ec_public_key(const std::string& curve, ByteView point);

/// True when p * q == n (big-endian magnitudes): a consistent RSA key.
bool rsa_factors_match(ByteView n, ByteView p, ByteView q);

}  // namespace pedigree::security
