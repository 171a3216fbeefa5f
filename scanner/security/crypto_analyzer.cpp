#include "scanner/security/crypto_analyzer.h"

#include <set>

#include "scanner/security/der_scan.h"
#include "scanner/security/pem_scan.h"
#include "scanner/security/private_key.h"
#include "scanner/security/ssh_keys.h"
#include "scanner/security/x509_cert.h"

namespace pedigree::security {
namespace {

constexpr std::string_view kPemBegin = "-----BEGIN ";
constexpr std::string_view kPuttyMagic = "PuTTY-User-Key-File-";
constexpr std::size_t kDerHeader = 4;  // 30 82 hh ll

bool is_certificate_label(std::string_view l) {
  return l == "CERTIFICATE" || l == "X509 CERTIFICATE" || l == "TRUSTED CERTIFICATE";
}

/// A "TRUSTED CERTIFICATE" body is the certificate followed by OpenSSL's
/// trust settings: take the certificate's own length from its header.
ByteView certificate_prefix(const std::vector<std::uint8_t>& body) {
  ByteView b(body);
  if (b.size() < kDerHeader || b[0] != 0x30 || b[1] != 0x82) return b;
  std::size_t len = kDerHeader + ((static_cast<std::size_t>(b[2]) << 8) | b[3]);
  return len <= b.size() ? b.first(len) : b;
}

void add_pem(const PemBlock& block, fingerprint::SecurityFacts& out) {
  if (is_certificate_label(block.label)) {
    ByteView der = block.label == "TRUSTED CERTIFICATE" ? certificate_prefix(block.body) : ByteView(block.body);
    if (auto c = parse_certificate(der)) {
      c->offset = block.offset;
      c->encoding = "pem";
      out.certificates.push_back(std::move(*c));
    }
    return;
  }
  std::optional<report::PrivateKey> k;
  if (block.label == "OPENSSH PRIVATE KEY") {
    k = parse_openssh_key(block.body);
  } else if (is_private_key_label(block.label)) {
    k = parse_private_key(block.label, block.body, block.proc_encrypted);
  }
  if (k) {
    k->offset = block.offset;
    out.keys.push_back(std::move(*k));
  }
}

bool starts_like_ssh_key(ByteView data) {
  ByteReader r(data, Endian::kBig);
  auto len = r.u32(0);
  if (!len || *len < 7 || *len > 32) return false;
  return r.matches(4, "ssh-") || r.matches(4, "ecdsa-sha2-");
}

}  // namespace

fingerprint::SecurityFacts find_crypto_objects(ByteView data) {
  fingerprint::SecurityFacts out;
  if (as_chars(data).find(kPemBegin) != std::string_view::npos) {
    for (const auto& block : find_pem_blocks(data)) add_pem(block, out);
  }
  if (starts_like_ssh_key(data)) {
    if (auto k = parse_dropbear_key(data)) out.keys.push_back(std::move(*k));
  } else if (as_chars(data).rfind(kPuttyMagic, 0) == 0) {
    if (auto k = parse_putty_key(data)) out.keys.push_back(std::move(*k));
  }
  DerFinds der = find_der_objects(data);
  // One entry per certificate per file: a PEM file read as DER finds nothing,
  // but a binary may carry the same certificate twice.
  std::set<std::string> seen;
  for (const auto& c : out.certificates) seen.insert(c.sha256);
  for (auto& c : der.certificates) {
    if (seen.insert(c.sha256).second) out.certificates.push_back(std::move(c));
  }
  for (auto& k : der.keys) out.keys.push_back(std::move(k));
  return out;
}

void CryptoAnalyzer::analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const {
  fingerprint::SecurityFacts found = find_crypto_objects(file.data);
  for (auto& c : found.certificates) c.origin = file.origin;
  for (auto& k : found.keys) k.origin = file.origin;
  out.security.append(std::move(found));
}

}  // namespace pedigree::security
