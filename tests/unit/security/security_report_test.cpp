#include "scanner/security/security_report.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/security/findings.h"

namespace pedigree::security {
namespace {

using fingerprint::AccountEntry;

bool has_finding(const report::Report& r, std::string_view id_prefix, std::string_view severity) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const report::Finding& f) { return f.id.rfind(id_prefix, 0) == 0 && f.severity == severity; });
}

TEST_CASE("security report: certificate dates as of the reference date") {
  report::Certificate c;
  c.not_before = "2026-11-30T10:00:00Z";
  c.not_after = "2027-03-30T10:00:00Z";
  judge_dates(c, "2027-01-15");
  CHECK_FALSE(c.expired);
  CHECK(c.expires_soon);
  judge_dates(c, "2026-01-01");
  CHECK(c.not_yet_valid);
  CHECK_FALSE(c.expires_soon);
  judge_dates(c, "2027-03-31");
  CHECK(c.expired);
}

TEST_CASE("security report: passwd joins the shadow of its directory; hashes are cracked, never kept") {
  std::vector<AccountEntry> a = {
      {"img → /etc/passwd", "passwd", 1, "root", "x", 0, 0, "/bin/sh"},
      {"img → /etc/passwd", "passwd", 2, "toor", "x", 0, 0, "/bin/sh"},
      {"img → /etc/passwd", "passwd", 3, "guest", "x", 1002, 1002, "/bin/sh"},
      {"img → /etc/shadow", "shadow", 1, "root", "$1$8Qe2Lr0z$l.XtYEV2q8tSPwpRg0MUT.", -1, -1, ""},
      {"img → /etc/shadow", "shadow", 2, "guest", "", -1, -1, ""},
      {"img → /backup/shadow", "shadow", 1, "root", "$1$8Qe2Lr0z$AAAAAAAAAAAAAAAAAAAAAA", -1, -1, ""},
  };
  std::vector<report::Warning> warnings;
  auto creds = build_credentials(a, CrackBudget{}, warnings);
  REQUIRE(creds.size() == 4);
  CHECK(creds[0].user == "root");
  CHECK(creds[0].source == "passwd+shadow");
  CHECK(creds[0].hash_type == "md5");
  CHECK(creds[0].password_known);
  CHECK(creds[0].password_hint == "a***n");
  CHECK(creds[1].user == "toor");
  CHECK(creds[1].uid0_non_root);
  CHECK(creds[1].hash_type == "none");
  CHECK(creds[2].empty_password);
  CHECK(creds[3].origin == "img → /backup/shadow");
  CHECK_FALSE(creds[3].password_known);
  CHECK(warnings.empty());
}

TEST_CASE("security report: findings for keys, weak certificates, accounts, services and permissions") {
  report::Report r;
  r.reference_date = "2027-01-15";
  r.files.push_back({.origin = "img → /bin/busybox", .path = "/bin/busybox", .kind = "file", .mode = 0104755});
  r.files.push_back({.origin = "img → /tmp", .path = "/tmp", .kind = "dir", .mode = 041777});
  r.files.push_back({.origin = "img → /var/up", .path = "/var/up", .kind = "dir", .mode = 040777});
  fingerprint::SecurityFacts f;
  report::Certificate c{.origin = "img → /c.pem",
                        .subject_cn = "x",
                        .not_before = "2020-01-01T00:00:00Z",
                        .not_after = "2021-01-01T00:00:00Z",
                        .key_type = "rsa",
                        .key_bits = 1024,
                        .signature_algorithm = "sha1WithRSAEncryption",
                        .sha256 = "aa",
                        .spki_sha256 = "k1"};
  f.certificates.push_back(c);
  f.keys.push_back({.origin = "img → /k.pem", .format = "pkcs1", .type = "rsa", .bits = 1024, .spki_sha256 = "k1"});
  f.accounts.push_back({"img → /etc/passwd", "passwd", 1, "root", "", 0, 0, "/bin/sh"});
  f.services.push_back({"img → /etc/init.d/S40telnetd", 3, "telnetd", "rc-script", "", "telnetd -l /bin/login"});
  add_security(r, std::move(f));
  CHECK(r.certificates.at(0).expired);
  CHECK(r.keys.at(0).matches_certificate == std::vector<std::string>{"aa"});
  CHECK(has_finding(r, "PEDIGREE-KEY-PRIVATE-", "critical"));
  CHECK(has_finding(r, "PEDIGREE-CERT-EXPIRED-", "medium"));
  CHECK(has_finding(r, "PEDIGREE-CERT-WEAKKEY-", "medium"));
  CHECK(has_finding(r, "PEDIGREE-CERT-WEAKSIG-", "medium"));
  CHECK(has_finding(r, "PEDIGREE-CERT-KEY-IN-IMAGE-", "high"));
  CHECK(has_finding(r, "PEDIGREE-CRED-EMPTY-", "critical"));
  CHECK(has_finding(r, "PEDIGREE-SVC-TELNET-", "high"));
  CHECK(has_finding(r, "PEDIGREE-PERM-SETUID-", "low"));
  CHECK(has_finding(r, "PEDIGREE-PERM-WRITABLE-", "medium"));
  CHECK(r.permission_issues.size() == 2);  // the sticky /tmp is fine
  CHECK(r.findings.front().severity == "critical");
  CHECK(finding_id("KEY-PRIVATE", "o", "d") == finding_id("KEY-PRIVATE", "o", "d"));
  CHECK(finding_id("KEY-PRIVATE", "o", "d") != finding_id("KEY-PRIVATE", "p", "d"));
}

TEST_CASE("security report: a key inside an archive and inside its member is reported once, at the member") {
  report::Report r;
  r.reference_date = "2027-01-15";
  fingerprint::SecurityFacts f;
  f.keys.push_back({.origin = "img @0x0 tar", .format = "pkcs8", .type = "rsa", .spki_sha256 = "k"});
  f.keys.push_back({.origin = "img @0x0 tar → /a.key", .format = "pkcs8", .type = "rsa", .spki_sha256 = "k"});
  f.keys.push_back({.origin = "img @0x0 tar → /b.key", .format = "pkcs8", .type = "rsa", .spki_sha256 = "k"});
  add_security(r, std::move(f));
  REQUIRE(r.keys.size() == 2);
  CHECK(r.keys[0].also_at == std::vector<std::string>{"img @0x0 tar → /b.key"});
}

}  // namespace
}  // namespace pedigree::security
