#include "scanner/db/ca_bundle.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>
#include <memory>
#include <span>

#include "scanner/core/hash.h"

namespace pedigree::db {
namespace {

constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
constexpr std::string_view kAnyBegin = "-----BEGIN ";

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};

/// The text of the first `nid` entry of a name, as UTF-8.
std::string name_entry(const X509_NAME* name, int nid) {
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return {};
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, data);
  if (n < 0) return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

std::string one_line_subject(const X509_NAME* name) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return {};
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

std::string date_of(const ASN1_TIME* t) {
  std::tm tm{};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) return {};
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

Result<CaCert> decode(std::string_view block, const std::string& name, std::size_t line) {
  auto fail = [&](std::string_view msg) {
    return make_error(Errc::kCorrupt, name + ":" + std::to_string(line) + ": " + std::string(msg));
  };
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(block.data(), static_cast<int>(block.size())));
  if (!bio) return fail("out of memory");
  std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) return fail("certificate does not decode (bad base64 or DER)");
  unsigned char* der = nullptr;
  int der_len = i2d_X509(cert.get(), &der);
  if (der_len <= 0) return fail("certificate does not re-encode");
  CaCert c;
  c.sha256 = sha256_hex(std::span(der, static_cast<std::size_t>(der_len)));
  OPENSSL_free(der);
  const X509_NAME* subject = X509_get_subject_name(cert.get());
  c.subject = one_line_subject(subject);
  c.organization = name_entry(subject, NID_organizationName);
  c.country = name_entry(subject, NID_countryName);
  c.not_after = date_of(X509_get0_notAfter(cert.get()));
  c.line = line;
  return c;
}

}  // namespace

Result<std::vector<CaCert>> parse_ca_bundle(std::string_view pem, const std::string& name, CaBundleLimits limits) {
  std::vector<CaCert> out;
  std::size_t line_no = 0, block_line = 0, block_start = 0, pos = 0;
  bool in_block = false;
  auto fail = [&](std::size_t line, std::string_view msg) {
    return make_error(Errc::kCorrupt, name + ":" + std::to_string(line) + ": " + std::string(msg));
  };
  while (pos < pem.size()) {
    ++line_no;
    std::size_t nl = pem.find('\n', pos);
    std::size_t next = nl == std::string_view::npos ? pem.size() : nl + 1;
    std::string_view line = pem.substr(pos, next - pos);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!in_block && line == kBegin) {
      in_block = true;
      block_line = line_no;
      block_start = pos;
    } else if (!in_block && line.starts_with(kAnyBegin)) {
      return fail(line_no, "a PEM block that is not a certificate");
    } else if (in_block && line.starts_with(kAnyBegin)) {
      return fail(block_line, "certificate has no END line");
    } else if (in_block && line == kEnd) {
      in_block = false;
      if (out.size() == limits.max_certificates)
        return fail(line_no, "more than " + std::to_string(limits.max_certificates) + " certificates");
      auto cert = decode(pem.substr(block_start, next - block_start), name, block_line);
      if (!cert) return cert.error();
      out.push_back(std::move(*cert));
    }
    if (in_block && pos + (next - pos) - block_start > limits.max_block_bytes)
      return fail(block_line, "certificate block longer than " + std::to_string(limits.max_block_bytes) + " bytes");
    pos = next;
  }
  if (in_block) return fail(block_line, "certificate has no END line");
  return out;
}

}  // namespace pedigree::db
