// Every fact kind gets a confidence from what it was read from: a whole
// parsed structure ranks above a heuristic, a checked CRC above a failed one.
#include "scanner/fingerprint/confidence.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

TEST_CASE("confidence: certificates and keys parsed whole are high; a Dropbear key is medium") {
  report::Certificate pem, der;
  pem.encoding = "pem";
  der.encoding = "der";
  CHECK(certificate_confidence(pem).level == kHigh);
  CHECK(certificate_confidence(der).level == kHigh);
  CHECK(certificate_confidence(der).basis == "OpenSSL parsed the whole DER certificate");
  report::PrivateKey pkcs8, dropbear;
  pkcs8.format = "pkcs8";
  dropbear.format = "dropbear";
  CHECK(key_confidence(pkcs8).level == kHigh);
  CHECK(key_confidence(dropbear).level == kMedium);
}

TEST_CASE("confidence: a parsed account file ranks above a config-file heuristic") {
  report::Credential c;
  for (const char* s : {"passwd", "shadow", "passwd+shadow", "htpasswd", "netrc"}) {
    c.source = s;
    CHECK_MESSAGE(credential_confidence(c).level == kHigh, s);
  }
  c.source = "wpa";
  CHECK(credential_confidence(c).level == kMedium);
  c.source = "config";
  CHECK(credential_confidence(c).level == kLow);
  c.source = "script";
  CHECK(credential_confidence(c).level == kLow);
}

TEST_CASE("confidence: a structured init entry ranks above a shell line, which ranks above a daemon's config") {
  report::Service s;
  for (const char* how : {"inittab", "systemd", "procd", "inetd", "xinetd"}) {
    s.started = how;
    CHECK_MESSAGE(service_confidence(s).level == kHigh, how);
  }
  s.started = "rc-script";
  CHECK(service_confidence(s).level == kMedium);
  s.started = "config";
  CHECK(service_confidence(s).level == kLow);
}

TEST_CASE("confidence: MAC addresses and endpoints by where they were read") {
  CHECK(mac_confidence(Place::kText).level == kHigh);
  CHECK(mac_confidence(Place::kUBootEnv).level == kHigh);
  CHECK(mac_confidence(Place::kBinary).level == kMedium);
  CHECK(mac_confidence(Place::kUBootEnvBadCrc).level == kLow);
  CHECK(endpoint_confidence("host", Place::kText).level == kHigh);
  CHECK(endpoint_confidence("url", Place::kBinary).level == kMedium);
  CHECK(endpoint_confidence("host", Place::kBinary).level == kLow);
  CHECK(endpoint_confidence("url", Place::kUBootEnvBadCrc).level == kLow);
  CHECK(confidence_rank(kHigh) > confidence_rank(kMedium));
  CHECK(confidence_rank(kMedium) > confidence_rank(kLow));
  CHECK(confidence_rank(kLow) > confidence_rank(""));
}

TEST_CASE("confidence: assign_security_confidence fills every security fact") {
  report::Report r;
  r.certificates.emplace_back().encoding = "pem";
  r.keys.emplace_back().format = "openssh";
  r.credentials.emplace_back().source = "config";
  r.services.emplace_back().started = "rc-script";
  assign_security_confidence(r);
  CHECK(r.certificates[0].confidence == "high");
  CHECK(r.certificates[0].confidence_basis == "OpenSSL parsed the whole PEM certificate");
  CHECK(r.keys[0].confidence == "high");
  CHECK(r.credentials[0].confidence == "low");
  CHECK(r.credentials[0].confidence_basis == "configuration line whose key is named like a password");
  CHECK(r.services[0].confidence == "medium");
}

}  // namespace
}  // namespace pedigree::fingerprint
