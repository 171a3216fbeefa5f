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

}  // namespace pedigree::test
