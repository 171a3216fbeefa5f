#include "scanner/security/openssl_util.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include "scanner/core/hash.h"

namespace pedigree::security {
namespace {

constexpr std::size_t kEd25519KeyBytes = 32;
constexpr std::size_t kMaxCurveName = 64;

struct ParamBldFree {
  void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct CtxFree {
  void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};

}  // namespace

KeyShape key_shape(const EVP_PKEY* key) {
  KeyShape s{"unknown", 0, ""};
  if (key == nullptr) return s;
  s.bits = static_cast<std::uint32_t>(EVP_PKEY_get_bits(key));
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: s.type = "rsa"; break;
    case EVP_PKEY_DSA: s.type = "dsa"; break;
    case EVP_PKEY_ED25519: s.type = "ed25519"; break;
    case EVP_PKEY_ED448: s.type = "ed448"; break;
    case EVP_PKEY_EC: {
      s.type = "ec";
      char name[kMaxCurveName] = {};
      std::size_t len = 0;
      if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len) == 1) s.curve = name;
      break;
    }
    default: break;
  }
  return s;
}

std::string spki_sha256(const EVP_PKEY* key) {
  if (key == nullptr) return {};
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(key, &der);
  if (len <= 0) return {};
  std::string h = sha256_hex(ByteView(der, static_cast<std::size_t>(len)));
  OPENSSL_free(der);
  return h;
}

std::string hex_lower(ByteView bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
  }
  return out;
}

PkeyPtr rsa_public_key(ByteView n, ByteView e) {
  BnPtr bn_n(BN_bin2bn(n.data(), static_cast<int>(n.size()), nullptr));
  BnPtr bn_e(BN_bin2bn(e.data(), static_cast<int>(e.size()), nullptr));
  if (!bn_n || !bn_e || BN_is_zero(bn_n.get())) return nullptr;
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
  return PkeyPtr(key);
}

PkeyPtr ed25519_public_key(ByteView raw) {
  if (raw.size() != kEd25519KeyBytes) return nullptr;
  return PkeyPtr(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
}

}  // namespace pedigree::security

namespace pedigree::security {

PkeyPtr ec_public_key(const std::string& curve, ByteView point) {
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.c_str(), 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
  return PkeyPtr(key);
}

bool rsa_factors_match(ByteView n, ByteView p, ByteView q) {
  BnPtr bn_n(BN_bin2bn(n.data(), static_cast<int>(n.size()), nullptr));
  BnPtr bn_p(BN_bin2bn(p.data(), static_cast<int>(p.size()), nullptr));
  BnPtr bn_q(BN_bin2bn(q.data(), static_cast<int>(q.size()), nullptr));
  BnPtr prod(BN_new());
  BN_CTX* ctx = BN_CTX_new();
  bool ok = bn_n && bn_p && bn_q && prod && ctx != nullptr && !BN_is_zero(bn_n.get()) &&
            BN_mul(prod.get(), bn_p.get(), bn_q.get(), ctx) == 1 && BN_cmp(prod.get(), bn_n.get()) == 0;
  BN_CTX_free(ctx);
  return ok;
}

}  // namespace pedigree::security
