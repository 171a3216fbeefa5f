#include "scanner/report/report_signature.h"

// pem.h first: cms.h declares its PEM functions with pem.h's macros.
#include <openssl/pem.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

#include <fmt/format.h>

namespace pedigree::report {
namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
// CMS_get0_signers lends its certificates: free the stack, not them.
void free_borrowed_stack(STACK_OF(X509) * s) { sk_X509_free(s); }
using CertStack = std::unique_ptr<STACK_OF(X509), Deleter<free_borrowed_stack>>;

/// The last OpenSSL error as text, and the error queue cleared.
std::string openssl_error() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

Error fail(Errc code, std::string what) { return make_error(code, fmt::format("{}: {}", what, openssl_error())); }

BioPtr memory_bio(std::string_view bytes) {
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

BioPtr file_bio(const std::string& path) { return BioPtr(BIO_new_file(path.c_str(), "rb")); }

std::string x509_subject(X509* cert) {
  BioPtr out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long n = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string x509_sha256(X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(cert, EVP_sha256(), md, &n);
  std::string hex;
  for (unsigned int i = 0; i < n; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

Result<StorePtr> load_ca_store(const std::string& ca_pem) {
  StorePtr store(X509_STORE_new());
  if (!store || X509_STORE_load_file(store.get(), ca_pem.c_str()) != 1) {
    return fail(Errc::kIo, fmt::format("cannot read CA certificates from {}", ca_pem));
  }
  return store;
}

}  // namespace

Result<std::string> sign_detached(std::string_view content, const std::string& key_pem, const std::string& cert_pem) {
  BioPtr key_in = file_bio(key_pem);
  KeyPtr key(key_in ? PEM_read_bio_PrivateKey(key_in.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key) return fail(Errc::kIo, fmt::format("cannot read a private key from {}", key_pem));
  BioPtr cert_in = file_bio(cert_pem);
  X509Ptr cert(cert_in ? PEM_read_bio_X509(cert_in.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!cert) return fail(Errc::kIo, fmt::format("cannot read a certificate from {}", cert_pem));
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    return make_error(Errc::kCorrupt,
                      fmt::format("the key in {} does not belong to the certificate in {}", key_pem, cert_pem));
  }
  BioPtr data = memory_bio(content);
  CmsPtr cms(CMS_sign(cert.get(), key.get(), nullptr, data.get(), CMS_DETACHED | CMS_BINARY));
  if (!cms) return fail(Errc::kCorrupt, "cannot sign the report");
  int n = i2d_CMS_ContentInfo(cms.get(), nullptr);
  if (n <= 0) return fail(Errc::kCorrupt, "cannot encode the signature");
  std::string der(static_cast<std::size_t>(n), '\0');
  auto* p = reinterpret_cast<unsigned char*>(der.data());
  i2d_CMS_ContentInfo(cms.get(), &p);
  return der;
}

Result<Signer> verify_detached(std::string_view content, std::string_view signature, const std::string& ca_pem) {
  BioPtr sig = memory_bio(signature);
  CmsPtr cms(d2i_CMS_bio(sig.get(), nullptr));
  if (!cms) {
    sig = memory_bio(signature);
    cms.reset(PEM_read_bio_CMS(sig.get(), nullptr, nullptr, nullptr));
  }
  if (!cms) return fail(Errc::kCorrupt, "not a CMS signature");
  StorePtr store;
  unsigned flags = CMS_BINARY | CMS_DETACHED;
  if (ca_pem.empty()) {
    flags |= CMS_NO_SIGNER_CERT_VERIFY;
  } else {
    auto loaded = load_ca_store(ca_pem);
    if (!loaded) return loaded.error();
    store = std::move(*loaded);
  }
  BioPtr data = memory_bio(content);
  if (CMS_verify(cms.get(), nullptr, store.get(), data.get(), nullptr, flags) != 1) {
    return fail(Errc::kCorrupt, "signature does not match the report");
  }
  CertStack signers(CMS_get0_signers(cms.get()));
  if (!signers || sk_X509_num(signers.get()) < 1) return make_error(Errc::kCorrupt, "signature names no signer");
  X509* cert = sk_X509_value(signers.get(), 0);
  return Signer{x509_subject(cert), x509_sha256(cert), !ca_pem.empty()};
}

}  // namespace pedigree::report
