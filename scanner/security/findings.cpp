#include "scanner/security/findings.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "scanner/core/hash.h"
#include "scanner/security/finding_rules.h"

namespace pedigree::security {
namespace {

constexpr std::size_t kIdHashChars = 8;
constexpr std::uint32_t kMinRsaBits = 2048;

int rank(const std::string& severity) {
  static constexpr std::string_view kOrder[] = {"critical", "high", "medium", "low", "info"};
  for (int i = 0; i < 5; ++i) {
    if (kOrder[i] == severity) return i;
  }
  return 5;
}

std::string cert_name(const report::Certificate& c) { return c.subject_cn.empty() ? c.subject : c.subject_cn; }

bool weak_signature(const std::string& alg) {
  return alg.find("md5") != std::string::npos || alg.find("MD5") != std::string::npos ||
         alg.find("sha1") != std::string::npos || alg.find("SHA1") != std::string::npos;
}

void certificate_findings(report::Report& r) {
  std::map<std::string, std::size_t> keyed;  // certificate sha256 → keys in the image
  for (const auto& k : r.keys) {
    for (const auto& c : k.matches_certificate) ++keyed[c];
  }
  for (const auto& c : r.certificates) {
    std::string where =
        fmt::format("{} certificate \"{}\" (serial {}, sha256 {})", c.encoding, cert_name(c), c.serial, c.sha256);
    if (c.expired) {
      add_finding(r, "CERT-EXPIRED", c.sha256, "medium", "certificate", "Expired certificate: " + cert_name(c),
                  c.origin, where + ", not after " + c.not_after + ", reference date " + r.reference_date,
                  "Replace the certificate, and make sure the device can renew it in the field.");
    } else if (c.not_yet_valid) {
      add_finding(r, "CERT-NOTYET", c.sha256, "low", "certificate", "Certificate not yet valid: " + cert_name(c),
                  c.origin, where + ", not before " + c.not_before,
                  "Check the device clock and the certificate's validity period.");
    }
    if (c.key_type == "rsa" && c.key_bits < kMinRsaBits) {
      add_finding(r, "CERT-WEAKKEY", c.sha256, "medium", "certificate",
                  fmt::format("Certificate with a {}-bit RSA key: {}", c.key_bits, cert_name(c)), c.origin, where,
                  "Use RSA keys of at least 2048 bits, or EC P-256 or better.");
    }
    // A self-signed CA root is trusted by being present, not by its signature.
    if (weak_signature(c.signature_algorithm) && !(c.self_signed && c.is_ca)) {
      add_finding(r, "CERT-WEAKSIG", c.sha256, "medium", "certificate",
                  "Certificate signed with " + c.signature_algorithm + ": " + cert_name(c), c.origin, where,
                  "Reissue the certificate with a SHA-256 (or stronger) signature.");
    }
    if (keyed.count(c.sha256) != 0) {
      add_finding(r, "CERT-KEY-IN-IMAGE", c.sha256, "high", "certificate",
                  "Certificate whose private key ships in the image: " + cert_name(c), c.origin, where,
                  "Do not ship private keys: generate a per-device key on first boot or in a secure element.");
    }
  }
}

void key_findings(report::Report& r) {
  for (const auto& k : r.keys) {
    std::string desc = k.type + (k.bits != 0 ? fmt::format(" {}-bit", k.bits) : std::string()) + " (" + k.format + ")";
    std::string evidence = desc + fmt::format(" private key at offset {}", k.offset);
    if (!k.also_at.empty()) evidence += fmt::format("; the same key is also at {} other place(s)", k.also_at.size());
    if (!k.matches_certificate.empty()) {
      evidence += fmt::format("; matches {} certificate(s) in the image", k.matches_certificate.size());
    }
    if (k.type == "rsa" && k.bits != 0 && k.bits < kMinRsaBits) evidence += "; RSA key under 2048 bits";
    add_finding(
        r, "KEY-PRIVATE", fmt::format("{}@{}", k.spki_sha256, k.offset), k.encrypted ? "high" : "critical", "key",
        (k.encrypted ? "Encrypted private key in the image: " : "Private key in the image: ") + desc, k.origin,
        evidence,
        "Remove private keys from the image; generate them per device at first boot or keep them in a secure element.");
  }
}

}  // namespace

std::string finding_id(std::string_view kind, std::string_view origin, std::string_view detail) {
  std::string key = fmt::format("{}\n{}\n{}", kind, origin, detail);
  return fmt::format("PEDIGREE-{}-{}", kind, sha256_hex(as_bytes(key)).substr(0, kIdHashChars));
}

void add_finding(report::Report& r, std::string_view kind, const std::string& detail, std::string severity,
                 std::string category, std::string title, const std::string& origin, std::string evidence,
                 std::string remediation) {
  r.findings.push_back({finding_id(kind, origin, detail), std::move(severity), std::move(category), std::move(title),
                        origin, std::move(evidence), std::move(remediation)});
}

void add_security_findings(report::Report& r) {
  certificate_findings(r);
  key_findings(r);
  add_credential_findings(r);
  add_service_findings(r);
  add_permission_findings(r);
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const report::Finding& a, const report::Finding& b) {
    return std::make_tuple(rank(a.severity), a.id, a.origin) < std::make_tuple(rank(b.severity), b.id, b.origin);
  });
}

}  // namespace pedigree::security
