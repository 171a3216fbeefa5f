// The security facts of the router sample (mips-sysupgrade) against what
// went in: samples/overlay/router (test-only keys from samples/lib/test_pki.sh,
// passwd/shadow with known passwords, init files) and the permission changes
// of samples/images/shared.sh. Judged as of a fixed reference date.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "scanner/scan.h"
#include "tests/support/manifest.h"

namespace pedigree {
namespace {

constexpr const char* kRoot = "image.bin @0x540000 squashfs → ";

const report::Report& router_report() {
  static const report::Report kReport = [] {
    auto r = scan_image(test::sample_path("mips-sysupgrade", "image.bin"), ScanOptions{Limits{}, "2027-01-15"});
    REQUIRE(r.ok());
    return *r;
  }();
  return kReport;
}

std::string at(const std::string& path) { return kRoot + path; }

template <typename T>
std::vector<const T*> in_rootfs(const std::vector<T>& v) {
  std::vector<const T*> out;
  for (const auto& x : v) {
    if (x.origin.rfind(kRoot, 0) == 0) out.push_back(&x);
  }
  return out;
}

TEST_SUITE("samples") {
  TEST_CASE("security sample: the reference date is recorded") {
    CHECK(router_report().reference_date == "2027-01-15");
  }

  TEST_CASE("security sample: every certificate that went in, and nothing else in the root file system") {
    std::map<std::string, std::vector<const report::Certificate*>> by_path;
    for (const auto* c : in_rootfs(router_report().certificates)) by_path[c->origin].push_back(c);
    std::set<std::string> expected = {at("/etc/ssl/certs/device-ca.pem"),    at("/etc/ssl/certs/router-chain.pem"),
                                      at("/etc/ssl/certs/old-router.pem"),   at("/etc/ssl/certs/legacy.pem"),
                                      at("/etc/ssl/certs/cloud-client.pem"), at("/usr/lib/vendor/libcloud_tls.bin")};
    std::set<std::string> got;
    for (const auto& [k, v] : by_path) got.insert(k);
    CHECK(got == expected);
    REQUIRE(by_path[at("/etc/ssl/certs/router-chain.pem")].size() == 2);
    const auto& ca = *by_path[at("/etc/ssl/certs/device-ca.pem")].at(0);
    CHECK(ca.is_ca);
    CHECK(ca.self_signed);
    CHECK(ca.subject_o == "Example Networks Corp");
    CHECK(ca.subject_c == "TW");
    CHECK(ca.also_at == std::vector<std::string>{at("/etc/ssl/certs/router-chain.pem")});
    const auto& expired = *by_path[at("/etc/ssl/certs/old-router.pem")].at(0);
    CHECK(expired.expired);
    CHECK(expired.serial == "2003");
    CHECK_FALSE(expired.self_signed);
    CHECK(expired.issuer_key_id == ca.subject_key_id);  // from the CA in the image
    const auto& legacy = *by_path[at("/etc/ssl/certs/legacy.pem")].at(0);
    CHECK(legacy.key_bits == 1024);
    CHECK(legacy.signature_algorithm == "sha1WithRSAEncryption");
    const auto& der = *by_path[at("/usr/lib/vendor/libcloud_tls.bin")].at(0);
    CHECK(der.encoding == "der");
    CHECK(der.offset == 4096);
    CHECK(der.expires_soon);
    CHECK(der.curve == "prime256v1");
  }

  TEST_CASE("security sample: every private key, its format, and the links between copies and certificates") {
    std::map<std::string, const report::PrivateKey*> keys;
    for (const auto* k : in_rootfs(router_report().keys)) keys[k->origin] = k;
    std::map<std::string, std::string> expected = {{at("/etc/ssl/private/router.key"), "pkcs8"},
                                                   {at("/root/router.key.bak"), "pkcs8"},
                                                   {at("/etc/ssl/private/legacy.key"), "pkcs1"},
                                                   {at("/etc/ssl/private/cloud-client.key"), "ec"},
                                                   {at("/etc/ssl/private/backup.key"), "encrypted-pkcs8"},
                                                   {at("/root/.ssh/id_ed25519"), "openssh"},
                                                   {at("/etc/dropbear/dropbear_rsa_host_key"), "dropbear"},
                                                   {at("/root/support.ppk"), "putty-ppk"}};
    std::map<std::string, std::string> got;
    for (const auto& [o, k] : keys) got[o] = k->format;
    CHECK(got == expected);
    CHECK(keys[at("/etc/ssl/private/router.key")]->matches_certificate.size() == 2);  // leaf and expired leaf
    CHECK(keys[at("/etc/ssl/private/router.key")]->also_at == std::vector<std::string>{at("/root/router.key.bak")});
    CHECK(keys[at("/etc/dropbear/dropbear_rsa_host_key")]->also_at.size() == 2);
    CHECK(keys[at("/etc/ssl/private/cloud-client.key")]->matches_certificate.size() == 1);
    CHECK(keys[at("/root/.ssh/id_ed25519")]->type == "ed25519");
    CHECK(keys[at("/etc/ssl/private/backup.key")]->encrypted);
  }

  TEST_CASE("security sample: accounts, cracked passwords and clear-text secrets") {
    std::map<std::string, const report::Credential*> users;
    for (const auto* c : in_rootfs(router_report().credentials)) {
      if (c->source == "passwd+shadow") users[c->user] = c;
    }
    REQUIRE(users.size() == 10);
    CHECK(users["root"]->password_hint == "a***n");
    CHECK(users["root"]->hash_type == "md5");
    CHECK(users["support"]->password_hint == "s*****t");
    CHECK(users["admin"]->password_hint == "x****1");
    CHECK(users["toor"]->password_known);
    CHECK(users["toor"]->uid0_non_root);
    CHECK(users["toor"]->hash_type == "sha512");
    CHECK(users["guest"]->empty_password);
    CHECK(users["daemon"]->hash_type == "locked");
    std::size_t known = 0;
    for (const auto& [u, c] : users) known += c->password_known ? 1 : 0;
    CHECK(known == 5);  // root, support, admin, toor, guest (empty)
    bool wpa = std::any_of(
        router_report().credentials.begin(), router_report().credentials.end(),
        [](const report::Credential& c) { return c.source == "wpa" && c.origin == at("/etc/hostapd.conf"); });
    CHECK(wpa);
  }

  TEST_CASE("security sample: services started at boot") {
    std::set<std::pair<std::string, std::string>> got;
    for (const auto* s : in_rootfs(router_report().services)) got.insert({s->name, s->origin});
    std::set<std::pair<std::string, std::string>> expected = {
        {"console-shell", at("/etc/inittab")},       {"telnetd", at("/etc/init.d/S40telnetd")},
        {"dropbear", at("/etc/init.d/S50dropbear")}, {"httpd", at("/etc/init.d/S60httpd")},
        {"upnpd", at("/etc/init.d/miniupnpd")},      {"tftpd", at("/etc/inetd.conf")},
        {"dropbear", at("/etc/config/dropbear")}};
    CHECK(got == expected);
  }

  TEST_CASE("security sample: permission problems and the findings an auditor must see") {
    const auto& r = router_report();
    std::set<std::pair<std::string, std::string>> perms;
    for (const auto* p : in_rootfs(r.permission_issues)) perms.insert({p->kind, p->origin});
    CHECK(perms == std::set<std::pair<std::string, std::string>>{{"setuid", at("/bin/busybox")},
                                                                 {"world-writable", at("/etc/config/network")}});
    std::multiset<std::string> kinds;
    for (const auto& f : r.findings) {
      if (f.origin.rfind(kRoot, 0) != 0) continue;
      auto last = f.id.rfind('-');
      kinds.insert(f.id.substr(9, last - 9) + ":" + f.severity);
    }
    CHECK(kinds.count("KEY-PRIVATE:critical") == 7);
    CHECK(kinds.count("KEY-PRIVATE:high") == 1);
    CHECK(kinds.count("CRED-DEFAULT:critical") == 4);
    CHECK(kinds.count("CRED-EMPTY:high") == 1);
    CHECK(kinds.count("CRED-UID0:high") == 1);
    CHECK(kinds.count("CRED-WEAKHASH:medium") == 2);
    CHECK(kinds.count("CERT-EXPIRED:medium") == 1);
    CHECK(kinds.count("CERT-WEAKKEY:medium") == 1);
    CHECK(kinds.count("CERT-WEAKSIG:medium") == 1);
    CHECK(kinds.count("SVC-TELNET:high") == 1);
    CHECK(kinds.count("SVC-SHELL:high") == 1);
    CHECK(kinds.count("SVC-TFTP:medium") == 1);
    CHECK(kinds.count("SVC-UPNP:medium") == 1);
    CHECK(kinds.count("SVC-SSH-ROOT:medium") == 2);
    CHECK(kinds.count("PERM-SETUID:low") == 1);
    CHECK(kinds.count("PERM-WRITABLE:medium") == 1);
    CHECK(r.findings.front().severity == "critical");
  }

  TEST_CASE("security sample: certificate dates are fixed, so validity is judged the same on any build day") {
    // samples/lib/test_pki.sh issues the certificates with fixed dates.
    auto r = scan_image(test::sample_path("mips-sysupgrade", "image.bin"), ScanOptions{Limits{}, "2026-11-30"});
    REQUIRE(r.ok());
    std::map<std::string, std::string> got;
    for (const auto* c : in_rootfs(r->certificates)) {
      std::string state = c->expired         ? "expired"
                          : c->not_yet_valid ? "not-yet-valid"
                          : c->expires_soon  ? "expires-soon"
                                             : "valid";
      got[c->serial + " " + c->not_before + " " + c->not_after] = state;
    }
    CHECK(got == std::map<std::string, std::string>{
                     {"1001 2026-01-01T00:00:00Z 2036-01-01T00:00:00Z", "valid"},
                     {"2002 2026-01-01T00:00:00Z 2036-01-01T00:00:00Z", "valid"},
                     {"2003 2026-01-01T00:00:00Z 2026-01-02T00:00:00Z", "expired"},
                     {"3003 2026-01-01T00:00:00Z 2036-01-01T00:00:00Z", "valid"},
                     {"4004 2026-10-01T00:00:00Z 2027-01-29T00:00:00Z", "expires-soon"},
                 });
  }

  TEST_CASE("security sample: each fact's confidence follows what it was read from") {
    const auto& r = router_report();
    for (const auto* c : in_rootfs(r.certificates)) {
      CHECK(c->confidence == "high");
      CHECK(c->confidence_basis.find("OpenSSL parsed the whole") == 0);
    }
    std::map<std::string, std::string> keys;
    for (const auto* k : in_rootfs(r.keys)) keys[k->format] = k->confidence;
    CHECK(keys["pkcs8"] == "high");
    CHECK(keys["openssh"] == "high");
    CHECK(keys["dropbear"] == "medium");
    std::map<std::string, std::set<std::string>> creds;
    for (const auto* c : in_rootfs(r.credentials)) creds[c->source].insert(c->confidence);
    CHECK(creds["passwd+shadow"] == std::set<std::string>{"high"});
    CHECK(creds["wpa"] == std::set<std::string>{"medium"});
    std::map<std::string, std::string> services;
    for (const auto* s : in_rootfs(r.services)) services[s->name + "@" + s->started] = s->confidence;
    CHECK(services["console-shell@inittab"] == "high");
    CHECK(services["telnetd@rc-script"] == "medium");
    CHECK(services["upnpd@procd"] == "high");
    CHECK(services["tftpd@inetd"] == "high");
    CHECK(services["dropbear@config"] == "low");
  }
}

}  // namespace
}  // namespace pedigree
