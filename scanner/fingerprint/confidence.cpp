#include "scanner/fingerprint/confidence.h"

namespace pedigree::fingerprint {
namespace {

template <typename Fact>
void set(Fact& fact, Confidence c) {
  fact.confidence = std::string(c.level);
  fact.confidence_basis = std::string(c.basis);
}

}  // namespace

Confidence certificate_confidence(const report::Certificate& c) {
  if (c.encoding == "der") return {kHigh, "OpenSSL parsed the whole DER certificate"};
  return {kHigh, "OpenSSL parsed the whole PEM certificate"};
}

Confidence key_confidence(const report::PrivateKey& k) {
  if (k.format == "dropbear") return {kMedium, "Dropbear key recognised by its SSH-wire layout"};
  if (k.format == "openssh") return {kHigh, "whole openssh-key-v1 structure parsed"};
  if (k.format == "putty-ppk") return {kHigh, "PuTTY key file header and public key parsed"};
  if (k.format == "encrypted-pkcs8") return {kHigh, "OpenSSL parsed the whole encrypted PKCS#8 structure"};
  return {kHigh, "OpenSSL parsed the whole key structure"};
}

Confidence credential_confidence(const report::Credential& c) {
  std::string_view s = c.source;
  if (s == "passwd" || s == "shadow" || s == "passwd+shadow" || s == "htpasswd")
    return {kHigh, "parsed account file entry"};
  if (s == "netrc") return {kHigh, "parsed .netrc entry"};
  if (s == "wpa") return {kMedium, "Wi-Fi passphrase key in a configuration"};
  return {kLow, "configuration line whose key is named like a password"};
}

Confidence service_confidence(const report::Service& s) {
  std::string_view how = s.started;
  if (how == "inittab" || how == "systemd" || how == "procd" || how == "inetd" || how == "xinetd")
    return {kHigh, "structured init entry"};
  if (how == "rc-script") return {kMedium, "daemon in command position in a shell init script"};
  return {kLow, "daemon configuration; not shown to be started"};
}

Confidence mac_confidence(Place place) {
  switch (place) {
    case Place::kText: return {kHigh, "MAC-named key in a text configuration"};
    case Place::kUBootEnv: return {kHigh, "U-Boot environment with a valid CRC32"};
    case Place::kUBootEnvBadCrc: return {kLow, "U-Boot environment whose CRC32 does not match"};
    case Place::kBinary: break;
  }
  return {kMedium, "MAC-named key in a binary"};
}

Confidence endpoint_confidence(std::string_view kind, Place place) {
  switch (place) {
    case Place::kText: return {kHigh, "named in a text file"};
    case Place::kUBootEnv: return {kHigh, "U-Boot environment with a valid CRC32"};
    case Place::kUBootEnvBadCrc: return {kLow, "U-Boot environment whose CRC32 does not match"};
    case Place::kBinary: break;
  }
  if (kind == "url") return {kMedium, "URL string in a binary"};
  return {kLow, "host after a server-like key in a binary"};
}

int confidence_rank(std::string_view level) {
  if (level == kHigh) return 3;
  if (level == kMedium) return 2;
  if (level == kLow) return 1;
  return 0;
}

void assign_security_confidence(report::Report& r) {
  for (auto& c : r.certificates) set(c, certificate_confidence(c));
  for (auto& k : r.keys) set(k, key_confidence(k));
  for (auto& c : r.credentials) set(c, credential_confidence(c));
  for (auto& s : r.services) set(s, service_confidence(s));
}

}  // namespace pedigree::fingerprint
