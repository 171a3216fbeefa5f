// A small report filled in by hand, for the SBOM writer tests: three
// components in two ELF files that link to each other, one of them a
// compile-time copy, one without a version.
#pragma once

#include <string>

#include "scanner/report/report.h"

namespace pedigree::test {

inline report::Evidence evidence(std::string kind, std::string origin, std::string text, std::string version) {
  report::Evidence e;
  e.kind = std::move(kind);
  e.source = e.kind == "binary" ? "rule:" + text.substr(0, text.find(' ')) : "/var/lib/opkg/status";
  e.origin = std::move(origin);
  e.text = std::move(text);
  e.version = std::move(version);
  return e;
}

inline report::Report small_report() {
  const std::string root = "router.bin @0x40000 squashfs → ";
  const std::string busybox = root + "/bin/busybox", libc = root + "/lib/libc.so.6";
  const std::string hash_a(64, 'a'), hash_b(64, 'b');
  report::Report r;
  r.tool_version = "0.1.0";
  r.reference_date = "2026-01-31";
  r.image = {"/tmp/router.bin", "router.bin", std::string(64, 'f'), 4096, ""};

  report::Component bb{"busybox",
                       "1.36.1",
                       "1:1.36.1-3",
                       "",
                       "application",
                       "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*",
                       "pkg:generic/busybox@1.36.1",
                       "BusyBox",
                       {busybox},
                       {hash_a},
                       {}};
  bb.evidence = {evidence("binary", busybox, "BusyBox v1.36.1 (2023-01-01)", "1.36.1"),
                 evidence("package-db", busybox, "Version: 1:1.36.1-3", "1:1.36.1-3")};
  report::Component glibc{
      "glibc", "2.36", "",       "", "library", "cpe:2.3:a:gnu:glibc:2.36:*:*:*:*:*:*:*", "pkg:generic/glibc@2.36",
      "",      {libc}, {hash_b}, {}};
  glibc.evidence = {
      evidence("binary", libc, "GNU C Library (Debian GLIBC 2.36-9) stable release version 2.36", "2.36")};
  report::Component ssl{"openssl", "3.0.11", "", "built-against", "library", "", "", "", {busybox}, {hash_a}, {}};
  ssl.evidence = {evidence("binary", busybox, "OpenSSL 3.0.11 19 Sep 2023", "3.0.11")};
  report::Component zlib{"zlib", "", "", "", "library", "", "", "", {busybox}, {hash_a}, {}};
  zlib.evidence = {evidence("binary", busybox, "inflate 1.x Copyright", "")};
  r.components = {bb, glibc, ssl, zlib};

  report::Binary b;
  b.origin = busybox;
  b.type = "dyn";
  b.needed = {"libc.so.6", "libmissing.so.1"};
  report::Binary c;
  c.origin = libc;
  c.type = "dyn";
  c.soname = "libc.so.6";
  r.binaries = {b, c};
  return r;
}

/// The small report with three vulnerabilities as the risk step leaves them:
/// one waived with a VEX statement, one whose distribution revision may carry
/// the fix, one whose waiver expired.
inline report::Report small_report_with_vulnerabilities() {
  report::Report r = small_report();
  auto vuln = [](std::string id, std::string component, std::string version, std::string relation, double cvss,
                 std::string finding) {
    report::Vulnerability v;
    v.id = std::move(id), v.component = std::move(component), v.version = std::move(version);
    v.relation = std::move(relation), v.status = "vulnerable", v.cvss = cvss, v.cvss_version = "3.1";
    v.severity = cvss >= 9 ? "critical" : "high", v.finding = std::move(finding), v.source = "NVD";
    return v;
  };
  auto bb = vuln("CVE-2022-48174", "busybox", "1.36.1", "", 9.8, "PEDIGREE-VULN-1111");
  bb.cvss_vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  bb.cwes = "CWE-787";
  bb.published = "2023-08-22T19:16:19.037";
  bb.status = "backport-possible";
  bb.fixed_in = "1.36.2";
  auto libc = vuln("CVE-2023-4911", "glibc", "2.36", "", 7.8, "PEDIGREE-VULN-KEV-2222");
  libc.kev = true, libc.kev_date_added = "2023-11-21", libc.epss = 0.5, libc.cwes = "CWE-122|CWE-787";
  libc.published = "2023-10-03";
  auto ssl = vuln("CVE-2023-5678", "openssl", "3.0.11", "built-against", 5.3, "PEDIGREE-VULN-3333");
  r.vulnerabilities = {libc, bb, ssl};
  auto finding = [](std::string id, std::string waiver, bool expired) {
    report::Finding f;
    f.id = std::move(id), f.severity = "high", f.category = "vulnerability", f.kind = "VULN";
    f.waiver = std::move(waiver), f.waiver_expired = expired, f.waived = !f.waiver.empty() && !expired;
    return f;
  };
  r.findings = {finding("PEDIGREE-VULN-KEV-2222", "W-1", false), finding("PEDIGREE-VULN-1111", "", false),
                finding("PEDIGREE-VULN-3333", "W-0", true)};
  report::WaiverStatus active{"W-1", "CVE-2023-4911", "no setuid binaries",   "qa@example.com", "2027-01-31", "active",
                              1,     "not_affected",  "requires_environment", {"will_not_fix"}};
  report::WaiverStatus expired{"W-0", "CVE-2023-5678", "triage", "qa@example.com", "2026-01-01", "expired", 1, "", "",
                               {}};
  r.waivers = {expired, active};
  return r;
}

}  // namespace pedigree::test
