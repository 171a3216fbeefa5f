#include "scanner/report/report_signature.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/support/scratch_dir.h"

namespace pedigree::report {
namespace {

/// A self-signed signing certificate and its key, made by the openssl tool.
struct SigningKey {
  test::ScratchDir dir;
  std::string key = dir.path("signer.key"), cert = dir.path("signer.crt");
  std::string both = dir.path("signer.pem"), other = dir.path("other.crt");

  SigningKey() {
    std::string cmd = "cd " + dir.path() +
                      " && openssl req -x509 -newkey rsa:2048 -nodes -keyout signer.key -out signer.crt -days 30 "
                      "-subj '/O=Example Lab/CN=report signer' 2>/dev/null"
                      " && cat signer.key signer.crt > signer.pem"
                      " && openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 30 "
                      "-subj '/CN=someone else' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
};

TEST_CASE("report signature: a signed report verifies and names its signer") {
  SigningKey k;
  std::string report = "{\"schema\": \"pedigree-report/1\"}\n";
  auto sig = sign_detached(report, k.key, k.cert);
  REQUIRE(sig.ok());
  auto signer = verify_detached(report, *sig, "");
  REQUIRE(signer.ok());
  CHECK(signer->subject.find("report signer") != std::string::npos);
  CHECK(signer->sha256.size() == 64);
  CHECK_FALSE(signer->chain_checked);
  // Key and certificate in one PEM file work too.
  CHECK(verify_detached(report, *sign_detached(report, k.both, k.both), "").ok());
}

TEST_CASE("report signature: a tampered report or signature fails") {
  SigningKey k;
  std::string report = "{\"components\": []}\n";
  auto sig = sign_detached(report, k.key, k.cert);
  REQUIRE(sig.ok());
  std::string tampered = report;
  tampered[3] = 'k';
  auto bad = verify_detached(tampered, *sig, "");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == Errc::kCorrupt);
  std::string broken_sig = *sig;
  broken_sig[broken_sig.size() - 10] ^= 0x5a;  // inside the signature value, which ends the SignerInfo
  CHECK_FALSE(verify_detached(report, broken_sig, "").ok());
  CHECK_FALSE(verify_detached(report, "not a signature", "").ok());
}

TEST_CASE("report signature: --ca checks the signer's chain") {
  SigningKey k;
  std::string report = "{}\n";
  auto sig = sign_detached(report, k.key, k.cert);
  REQUIRE(sig.ok());
  auto trusted = verify_detached(report, *sig, k.cert);
  REQUIRE(trusted.ok());
  CHECK(trusted->chain_checked);
  CHECK_FALSE(verify_detached(report, *sig, k.other).ok());
  auto missing = verify_detached(report, *sig, k.dir.path("none.pem"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == Errc::kIo);
}

TEST_CASE("report signature: a key that does not belong to the certificate is refused") {
  SigningKey k;
  auto sig = sign_detached("{}", k.key, k.other);
  REQUIRE_FALSE(sig.ok());
  CHECK(sig.error().message.find("does not belong") != std::string::npos);
  CHECK_FALSE(sign_detached("{}", k.dir.path("none.key"), k.cert).ok());
}

}  // namespace
}  // namespace pedigree::report
