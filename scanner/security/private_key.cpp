#include "scanner/security/private_key.h"

#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include "scanner/security/openssl_util.h"

namespace pedigree::security {
namespace {

struct Kind {
  std::string_view label;
  std::string_view format;
  int evp_type;  ///< for d2i_PrivateKey; 0: PKCS#8
  std::string_view type;
};

constexpr Kind kKinds[] = {
    {"RSA PRIVATE KEY", "pkcs1", EVP_PKEY_RSA, "rsa"},
    {"EC PRIVATE KEY", "ec", EVP_PKEY_EC, "ec"},
    {"DSA PRIVATE KEY", "dsa", EVP_PKEY_DSA, "dsa"},
    {"PRIVATE KEY", "pkcs8", 0, "unknown"},
    {"ENCRYPTED PRIVATE KEY", "encrypted-pkcs8", 0, "unknown"},
};

const Kind* find_kind(std::string_view label) {
  for (const auto& k : kKinds) {
    if (k.label == label) return &k;
  }
  return nullptr;
}

PkeyPtr decode_plain(const Kind& kind, ByteView der) {
  const unsigned char* p = der.data();
  EVP_PKEY* key = nullptr;
  if (kind.evp_type != 0) {
    key = d2i_PrivateKey(kind.evp_type, nullptr, &p, static_cast<long>(der.size()));
  } else {
    PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(der.size()));
    if (info != nullptr) {
      key = EVP_PKCS82PKEY(info);
      PKCS8_PRIV_KEY_INFO_free(info);
    }
  }
  PkeyPtr out(key);
  if (out && p != der.data() + der.size()) return nullptr;
  return out;
}

bool is_encrypted_pkcs8(ByteView der) {
  const unsigned char* p = der.data();
  X509_SIG* sig = d2i_X509_SIG(nullptr, &p, static_cast<long>(der.size()));
  bool ok = sig != nullptr && p == der.data() + der.size();
  X509_SIG_free(sig);
  return ok;
}

}  // namespace

bool is_private_key_label(std::string_view label) { return find_kind(label) != nullptr; }

std::optional<report::PrivateKey> parse_private_key(std::string_view label, ByteView der, bool legacy_encrypted) {
  const Kind* kind = find_kind(label);
  if (kind == nullptr || der.empty()) return std::nullopt;
  report::PrivateKey k;
  k.format = std::string(kind->format);
  k.type = std::string(kind->type);
  if (legacy_encrypted || kind->format == "encrypted-pkcs8") {
    if (kind->format == "encrypted-pkcs8" && !is_encrypted_pkcs8(der)) return std::nullopt;
    k.encrypted = true;
    return k;
  }
  PkeyPtr key = decode_plain(*kind, der);
  if (!key) return std::nullopt;
  KeyShape shape = key_shape(key.get());
  k.type = shape.type;
  k.bits = shape.bits;
  k.curve = shape.curve;
  k.spki_sha256 = spki_sha256(key.get());
  return k;
}

}  // namespace pedigree::security
