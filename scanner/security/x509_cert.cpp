#include "scanner/security/x509_cert.h"

#include <openssl/bio.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <ctime>

#include <fmt/format.h>

#include "scanner/core/hash.h"
#include "scanner/security/openssl_util.h"

namespace pedigree::security {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};

std::string one_line(const X509_NAME* name) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) return {};
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

std::string name_entry(const X509_NAME* name, int nid) {
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return {};
  const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, s);
  if (len < 0) return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

std::string iso_time(const ASN1_TIME* t) {
  std::tm tm{};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) return {};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string serial_hex(const X509* x) {
  BnPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr));
  if (!bn) return {};
  char* hex = BN_bn2hex(bn.get());
  std::string out = hex != nullptr ? hex : "";
  OPENSSL_free(hex);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string octets_hex(const ASN1_OCTET_STRING* s) {
  if (s == nullptr) return {};
  return hex_lower(ByteView(ASN1_STRING_get0_data(s), static_cast<std::size_t>(ASN1_STRING_length(s))));
}

bool basic_constraints_ca(X509* x) {
  auto* bc = static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(x, NID_basic_constraints, nullptr, nullptr));
  if (bc == nullptr) return false;
  bool ca = bc->ca != 0;
  BASIC_CONSTRAINTS_free(bc);
  return ca;
}

void fill_names(const X509* x, report::Certificate& c) {
  const X509_NAME* subject = X509_get_subject_name(x);
  const X509_NAME* issuer = X509_get_issuer_name(x);
  c.subject = one_line(subject);
  c.subject_cn = name_entry(subject, NID_commonName);
  c.subject_o = name_entry(subject, NID_organizationName);
  c.subject_c = name_entry(subject, NID_countryName);
  c.issuer = one_line(issuer);
  c.issuer_cn = name_entry(issuer, NID_commonName);
  c.issuer_o = name_entry(issuer, NID_organizationName);
  c.issuer_c = name_entry(issuer, NID_countryName);
}

}  // namespace

std::optional<report::Certificate> parse_certificate(ByteView der) {
  const unsigned char* p = der.data();
  X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!x || p != der.data() + der.size()) return std::nullopt;
  report::Certificate c;
  fill_names(x.get(), c);
  c.serial = serial_hex(x.get());
  c.not_before = iso_time(X509_get0_notBefore(x.get()));
  c.not_after = iso_time(X509_get0_notAfter(x.get()));
  if (c.not_before.empty() || c.not_after.empty()) return std::nullopt;
  c.is_ca = basic_constraints_ca(x.get());
  EVP_PKEY* key = X509_get0_pubkey(x.get());
  KeyShape shape = key_shape(key);
  c.key_type = shape.type;
  c.key_bits = shape.bits;
  c.curve = shape.curve;
  c.spki_sha256 = spki_sha256(key);
  c.self_signed = X509_NAME_cmp(X509_get_subject_name(x.get()), X509_get_issuer_name(x.get())) == 0 && key != nullptr &&
                  X509_verify(x.get(), key) == 1;
  const char* sig = OBJ_nid2ln(X509_get_signature_nid(x.get()));
  c.signature_algorithm = sig != nullptr ? sig : "unknown";
  c.sha256 = sha256_hex(der);
  c.subject_key_id = octets_hex(X509_get0_subject_key_id(x.get()));
  c.issuer_key_id = octets_hex(X509_get0_authority_key_id(x.get()));
  return c;
}

}  // namespace pedigree::security
