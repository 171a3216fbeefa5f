#include "scanner/security/der_scan.h"

#include "scanner/security/private_key.h"
#include "scanner/security/x509_cert.h"

namespace pedigree::security {
namespace {

constexpr std::uint8_t kSequence = 0x30;
constexpr std::uint8_t kInteger = 0x02;
constexpr std::uint8_t kOctetString = 0x04;
constexpr std::uint8_t kLong1 = 0x81;  // one length byte follows
constexpr std::uint8_t kLong2 = 0x82;  // two length bytes follow
constexpr std::size_t kHeader2 = 4;    // 30 82 hh ll

/// Length of the whole object at `at` when it starts 30 82 hh ll; 0 otherwise.
std::size_t long_sequence(const ByteReader& r, std::size_t at) {
  if (r.u8(at) != kSequence || r.u8(at + 1) != kLong2) return 0;
  auto hi = r.u8(at + 2), lo = r.u8(at + 3);
  if (!hi || !lo) return 0;
  std::size_t len = kHeader2 + ((static_cast<std::size_t>(*hi) << 8) | *lo);
  return in_bounds(at, len, r.size()) && len <= kMaxDerObject ? len : 0;
}

bool version_is(const ByteReader& r, std::size_t at, std::uint8_t v) {
  return r.u8(at) == kInteger && r.u8(at + 1) == 1 && r.u8(at + 2) == v;
}

/// A SEC 1 EC private key: 30 len 02 01 01 04 ...; its total length or 0.
std::size_t ec_key_candidate(const ByteReader& r, std::size_t at) {
  if (r.u8(at) != kSequence) return 0;
  std::size_t header = 2, len = 0;
  auto b1 = r.u8(at + 1);
  if (!b1) return 0;
  if (*b1 < 0x80) {
    len = *b1;
  } else if (*b1 == kLong1) {
    auto b2 = r.u8(at + 2);
    if (!b2) return 0;
    len = *b2;
    header = 3;
  } else {
    return 0;
  }
  if (!version_is(r, at + header, 1) || r.u8(at + header + 3) != kOctetString) return 0;
  return in_bounds(at, header + len, r.size()) ? header + len : 0;
}

}  // namespace

DerFinds find_der_objects(ByteView data, std::size_t max_candidates) {
  DerFinds out;
  ByteReader r(data);
  std::size_t tried = 0;
  for (std::size_t at = 0; at + kHeader2 + 3 <= data.size(); ++at) {
    if (data[at] != kSequence) continue;
    std::size_t len = long_sequence(r, at);
    bool cert_shape = len != 0 && r.u8(at + 4) == kSequence && r.u8(at + 5) == kLong2;
    bool key_shape = len != 0 && version_is(r, at + 4, 0);
    std::size_t ec_len = ec_key_candidate(r, at);
    if (!cert_shape && !key_shape && ec_len == 0) continue;
    if (++tried > max_candidates) {
      out.capped = true;
      break;
    }
    if (cert_shape) {
      if (auto c = parse_certificate(data.subspan(at, len))) {
        c->offset = at;
        c->encoding = "der";
        out.certificates.push_back(std::move(*c));
        at += len - 1;
        continue;
      }
    }
    std::optional<report::PrivateKey> k;
    if (key_shape) {
      k = parse_private_key("RSA PRIVATE KEY", data.subspan(at, len));
      if (!k) k = parse_private_key("PRIVATE KEY", data.subspan(at, len));
    } else if (ec_len != 0) {
      len = ec_len;
      k = parse_private_key("EC PRIVATE KEY", data.subspan(at, len));
    }
    if (k) {
      k->offset = at;
      out.keys.push_back(std::move(*k));
      at += len - 1;
    }
  }
  return out;
}

}  // namespace pedigree::security
