// A small report with one fact of each kind the risk assessment judges.
#pragma once

#include "scanner/report/report.h"

namespace pedigree::test {

inline report::Report risk_fixture() {
  report::Report r;
  r.tool_version = "0.1.0";
  r.image = {"/fw/image.bin", "image.bin", "ab12", 4096, ""};
  r.reference_date = "2026-11-30";
  report::Component ssl;
  ssl.name = "openssl";
  ssl.version = "1.1.1w";
  ssl.paths = {"image.bin @0x40000 squashfs \xE2\x86\x92 /usr/lib/libssl.so.1.1"};
  r.components.push_back(ssl);
  report::Vulnerability v;
  v.id = "CVE-2024-0001";
  v.component = "openssl";
  v.version = "1.1.1w";
  v.cvss = 5.3;
  v.kev = true;
  r.vulnerabilities.push_back(v);
  report::Vendor hv;
  hv.name = "Hikvision";
  hv.country = "CN";
  hv.roles = {{"component-supplier", "camera app", "image.bin @0x40000 squashfs \xE2\x86\x92 /usr/bin/app"}};
  hv.lists = {{"fcc-covered", "US", "Hangzhou Hikvision", "Hikvision", "", "2021-03-12", ""}};
  r.vendors.push_back(hv);
  report::Binary b;
  b.origin = "image.bin @0x40000 squashfs \xE2\x86\x92 /usr/sbin/httpd";
  b.type = "exec";
  b.pie = "no";
  b.relro = "none";
  r.binaries.push_back(b);
  report::Finding upnp;
  upnp.id = "PEDIGREE-SVC-UPNP-0badcafe";
  upnp.severity = "medium";
  upnp.category = "service";
  upnp.title = "UPnP daemon started";
  upnp.origin = "image.bin @0x40000 squashfs \xE2\x86\x92 /etc/init.d/miniupnpd";
  r.findings.push_back(upnp);
  return r;
}

}  // namespace pedigree::test
