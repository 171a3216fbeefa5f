#!/usr/bin/env python3
"""Writes a synthetic NVD CVE API 2.0 feed, split into yearly files
nvdcve-2.0-YYYY.json, with the structure and record size of the real feeds
(descriptions, CVSS v3.1/v2/v4 metrics, weaknesses, configurations with
cpeMatch ranges, references: about 3-5 KB per record).

Products: the components of bench/db_components.txt get about as many CVEs as
the real NVD names their CPE product with (CVES_PER_PRODUCT: the Linux kernel
the lion's share, most embedded libraries a few dozen or fewer), with version
bounds near the newest version listed for them (most fixed before it, as for a
maintained product); the rest go to a long tail of other products.
Deterministic for a given --seed.
"""
import argparse
import json
import os
import random

WORDS = ("a an the in of to via allows remote attackers local users cause denial service execute arbitrary code "
         "crafted packet request buffer overflow heap stack use-after-free out-of-bounds read write integer "
         "function parser handling memory corruption authentication bypass privilege escalation information "
         "disclosure certificate validation null pointer dereference race condition before version component "
         "server client kernel driver module header length field input sanitization injection command path "
         "traversal cross-site scripting session token configuration default credentials firmware device").split()
TAGS = ["Patch", "Vendor Advisory", "Third Party Advisory", "Mailing List", "Exploit", "Issue Tracking",
        "Release Notes", "VDB Entry", "Technical Description"]
CWES = ["CWE-787", "CWE-79", "CWE-89", "CWE-416", "CWE-78", "CWE-20", "CWE-125", "CWE-22", "CWE-352", "CWE-434",
        "CWE-862", "CWE-476", "CWE-287", "CWE-190", "CWE-502", "CWE-77", "CWE-119", "CWE-798", "CWE-918",
        "CWE-306", "CWE-362", "CWE-269", "CWE-94", "CWE-863", "CWE-276", "CWE-200", "CWE-400", "NVD-CWE-Other",
        "NVD-CWE-noinfo"]
SOURCES = ["nvd@nist.gov", "cve@mitre.org", "secalert@redhat.com", "security@debian.org", "cna@vuldb.com",
           "security-advisories@github.com", "416baaa9-dc9f-4396-8d5f-8c081fb06d67", "psirt@cisco.com"]
V3 = [("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL"),
      ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, "HIGH"),
      ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "HIGH"),
      ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "MEDIUM"),
      ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H", 5.5, "MEDIUM"),
      ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 5.9, "MEDIUM"),
      ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 4.3, "MEDIUM"),
      ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 2.4, "LOW")]
V2 = [("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, "HIGH"), ("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, "MEDIUM"),
      ("AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2, "HIGH"), ("AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0, "MEDIUM")]
FIRST_YEAR, LAST_YEAR = 1999, 2025

# CVEs whose configurations name each CPE product in the real NVD, rounded
# (early 2025). A product of the component list not named here gets
# DEFAULT_CVES_PER_PRODUCT.
CVES_PER_PRODUCT = {
    "linux:linux_kernel": 12000, "oracle:mysql": 1200, "php:php": 700, "ffmpeg:ffmpeg": 450,
    "gnu:binutils": 350, "apache:http_server": 280, "openssl:openssl": 250, "libtiff:libtiff": 250,
    "mariadb:mariadb": 250, "samba:samba": 250, "nodejs:node.js": 200, "postgresql:postgresql": 200,
    "python:python": 200, "tcpdump:tcpdump": 190, "gnu:glibc": 160, "haxx:curl": 150, "isc:bind": 150,
    "openbsd:openssh": 130, "mit:kerberos_5": 130, "squid-cache:squid": 130, "videolan:vlc_media_player": 130,
    "ntp:ntp": 120, "sqlite:sqlite": 120, "xmlsoft:libxml2": 110, "haxx:libcurl": 100, "freetype:freetype": 90,
    "gnu:gnutls": 80, "perl:perl": 80, "libarchive:libarchive": 70, "wolfssl:wolfssl": 70, "busybox:busybox": 60,
    "openldap:openldap": 60, "redis:redis": 60, "systemd_project:systemd": 60, "arm:mbed_tls": 50,
    "openvpn:openvpn": 50, "openwrt:openwrt": 50, "sudo_project:sudo": 50, "file_project:file": 45,
    "libpng:libpng": 45, "w1.fi:wpa_supplicant": 45, "gnu:grub2": 40, "gnupg:gnupg": 40, "haproxy:haproxy": 40,
    "isc:dhcp": 40, "libexpat_project:libexpat": 40, "libssh:libssh": 40, "lighttpd:lighttpd": 40,
    "net-snmp:net-snmp": 40, "nginx:nginx": 40, "pcre:pcre": 40, "proftpd:proftpd": 40,
    "thekelleys:dnsmasq": 40, "w1.fi:hostapd": 35, "freedesktop:dbus": 30, "gnu:wget": 30,
    "live555:streaming_media": 30, "dropbear_ssh_project:dropbear_ssh": 25, "denx:u-boot": 25,
    "eclipse:mosquitto": 25, "harfbuzz_project:harfbuzz": 25, "libjpeg-turbo:libjpeg-turbo": 25,
    "ncurses_project:ncurses": 25, "util-linux_project:util-linux": 25, "avahi:avahi": 20,
    "cesanta:mongoose": 20, "gnu:bash": 20, "gnupg:libgcrypt": 20, "jquery:jquery": 20, "libssh2:libssh2": 20,
    "linux-pam:linux-pam": 20, "lua:lua": 20, "openwrt:luci": 20, "c-ares:c-ares": 15, "embedthis:appweb": 15,
    "embedthis:goahead": 15, "gnu:tar": 15, "libcoap:libcoap": 15, "matrixssl:matrixssl": 15,
    "miniupnp_project:miniupnpd": 15, "pcre:pcre2": 15, "point-to-point_protocol_project:point-to-point_protocol": 15,
    "polarssl:polarssl": 15, "stunnel:stunnel": 15, "tcpdump:libpcap": 15, "uclibc-ng_project:uclibc-ng": 12,
    "boa:boa": 10, "gnu:coreutils": 10, "nghttp2:nghttp2": 10, "openssl:libressl": 10,
    "proftpd_project:proftpd": 10, "pureftpd:pure-ftpd": 10, "samba:ppp": 10, "shadow-utils_project:shadow-utils": 10,
    "uclibc:uclibc": 10, "zlib:zlib": 10, "beasts:vsftpd": 8, "cyrus:sasl": 8, "e2fsprogs_project:e2fsprogs": 8,
    "musl-libc:musl": 8, "libevent_project:libevent": 6, "libtirpc_project:libtirpc": 6, "libuv:libuv": 6,
    "bzip:bzip2": 5, "facebook:zstandard": 5, "json-c_project:json-c": 5, "lz4_project:lz4": 5,
    "mongoose:mongoose": 5, "mosquitto:mosquitto": 5, "netfilter:iptables": 5, "paho_mqtt_project:paho_mqtt": 5,
    "tukaani:xz": 5, "u-boot:u-boot": 5, "gnu:libidn2": 4, "busybox:udhcpc": 3, "gnu:readline": 3,
    "goahead_project:goahead": 3, "inetutils:telnetd": 3, "iptables:iptables": 3, "jansson_project:jansson": 3,
    "roaringpenguin:rp-pppoe": 3,
}
DEFAULT_CVES_PER_PRODUCT = 20


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def load_components(path):
    out = []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cpe, version = line.split(" ", 1)
        vendor, product = cpe.split(":", 1)
        upstream = version.split(":", 1)[-1].split("-")[0]
        out.append((vendor, product, upstream))
    return out


def numeric_parts(version):
    parts = []
    for p in version.replace("p", ".").split("."):
        digits = "".join(c for c in p if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return parts or [1, 0]


def near(rng, parts, spread, older=0.5):
    """A version next to `parts`: older than it with probability `older`."""
    out = list(parts)
    i = rng.randrange(len(out))
    step = rng.randint(1, spread)
    out[i] = max(0, out[i] - step) if rng.random() < older else out[i] + step
    return ".".join(str(x) for x in out)


def cpe_match(rng, part, vendor, product, base):
    m = {"vulnerable": True}
    kind = rng.random()
    if kind < 0.25:
        m["criteria"] = "cpe:2.3:%s:%s:%s:%s:*:*:*:*:*:*:*" % (part, vendor, product, near(rng, base, 3))
    else:
        m["criteria"] = "cpe:2.3:%s:%s:%s:*:*:*:*:*:*:*:*" % (part, vendor, product)
        if kind < 0.6:
            m["versionStartIncluding"] = ".".join(str(x) for x in base[:2]) + ".0"
        # Most ranges were fixed before the version firmware carries today.
        end = near(rng, base, 12, older=0.85)
        m["versionEndExcluding" if rng.random() < 0.8 else "versionEndIncluding"] = end
    m["matchCriteriaId"] = "%08X-%04X-%04X-%04X-%012X" % tuple(rng.getrandbits(b) for b in (32, 16, 16, 16, 48))
    return m


def configurations(rng, target, tail):
    vendor, product, upstream = target if target else rng.choice(tail)
    part = "o" if product.endswith("_kernel") or product.endswith("_firmware") else "a"
    base = numeric_parts(upstream)
    n = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 8)) if product == "linux_kernel" else rng.choice((1, 1, 1, 2, 2, 3, 5))
    configs = [{"nodes": [{"operator": "OR", "negate": False,
                           "cpeMatch": [cpe_match(rng, part, vendor, product, base) for _ in range(n)]}]}]
    if rng.random() < 0.2:  # a firmware/hardware pair: the hardware is a platform condition
        hw_vendor, hw_product, _ = rng.choice(tail)
        configs.append({"operator": "AND", "nodes": [
            {"operator": "OR", "negate": False, "cpeMatch": [
                {"vulnerable": True, "criteria": "cpe:2.3:o:%s:%s_firmware:*:*:*:*:*:*:*:*" % (hw_vendor, hw_product),
                 "versionEndExcluding": near(rng, base, 5), "matchCriteriaId": "00000000-0000-0000-0000-000000000000"}]},
            {"operator": "OR", "negate": False, "cpeMatch": [
                {"vulnerable": False, "criteria": "cpe:2.3:h:%s:%s:-:*:*:*:*:*:*:*" % (hw_vendor, hw_product),
                 "matchCriteriaId": "00000000-0000-0000-0000-000000000001"}]}]})
    return configs


def metric_v3(rng, source, kind):
    vector, score, severity = rng.choice(V3)
    return {"source": source, "type": kind,
            "cvssData": {"version": "3.1", "vectorString": vector, "baseScore": score, "baseSeverity": severity,
                         "attackVector": "NETWORK", "attackComplexity": "LOW", "privilegesRequired": "NONE",
                         "userInteraction": "NONE", "scope": "UNCHANGED", "confidentialityImpact": "HIGH",
                         "integrityImpact": "HIGH", "availabilityImpact": "HIGH"},
            "exploitabilityScore": 3.9, "impactScore": 5.9}


def record(rng, cve_id, year, target, tail):
    published = "%04d-%02d-%02dT%02d:%02d:%02d.%03d" % (year, rng.randint(1, 12), rng.randint(1, 28),
                                                         rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                                                         rng.randint(0, 999))
    modified = "%04d-%02d-%02dT10:00:00.000" % (min(LAST_YEAR, year + rng.randint(0, 3)), rng.randint(1, 12),
                                                rng.randint(1, 28))
    descriptions = [{"lang": "en", "value": words(rng, rng.randint(40, 110))}]
    if year >= 2020 and rng.random() < 0.7:
        descriptions.append({"lang": "es", "value": words(rng, rng.randint(40, 110))})
    metrics = {"cvssMetricV31": [metric_v3(rng, "nvd@nist.gov", "Primary")]}
    if rng.random() < 0.4:
        metrics["cvssMetricV31"].insert(0, metric_v3(rng, rng.choice(SOURCES), "Secondary"))
    if year < 2016:
        vector, score, severity = rng.choice(V2)
        metrics["cvssMetricV2"] = [{"source": "nvd@nist.gov", "type": "Primary",
                                    "cvssData": {"version": "2.0", "vectorString": vector, "baseScore": score,
                                                 "accessVector": "NETWORK", "accessComplexity": "LOW",
                                                 "authentication": "NONE", "confidentialityImpact": "PARTIAL",
                                                 "integrityImpact": "PARTIAL", "availabilityImpact": "PARTIAL"},
                                    "baseSeverity": severity, "exploitabilityScore": 10.0, "impactScore": 6.4,
                                    "acInsufInfo": False, "obtainAllPrivilege": False, "obtainUserPrivilege": False,
                                    "obtainOtherPrivilege": False, "userInteractionRequired": False}]
    weaknesses = [{"source": "nvd@nist.gov", "type": "Primary",
                   "description": [{"lang": "en", "value": rng.choice(CWES)}]}]
    if rng.random() < 0.3:
        weaknesses.append({"source": rng.choice(SOURCES), "type": "Secondary",
                           "description": [{"lang": "en", "value": rng.choice(CWES)}]})
    references = [{"url": "https://%s.example.org/%s/%d" % (rng.choice(WORDS), rng.choice(WORDS), rng.getrandbits(24)),
                   "source": rng.choice(SOURCES), "tags": rng.sample(TAGS, rng.randint(0, 3))}
                  for _ in range(rng.randint(3, 14))]
    return {"cve": {"id": cve_id, "sourceIdentifier": rng.choice(SOURCES), "published": published,
                    "lastModified": modified, "vulnStatus": rng.choice(("Analyzed", "Modified", "Analyzed")),
                    "cveTags": [], "descriptions": descriptions, "metrics": metrics, "weaknesses": weaknesses,
                    "configurations": configurations(rng, target, tail), "references": references}}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cves", type=int, default=300000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--components", default=os.path.join(os.path.dirname(__file__), "db_components.txt"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    components = load_components(args.components)
    products = {(v, p): u for v, p, u in components}
    tail = [("vendor%d" % (i % 9000), "product%d" % i, "%d.%d.%d" % (i % 7, i % 13, i % 29)) for i in range(25000)]
    targets = []
    for (vendor, product), upstream in sorted(products.items()):
        count = CVES_PER_PRODUCT.get("%s:%s" % (vendor, product), DEFAULT_CVES_PER_PRODUCT)
        targets += [(vendor, product, upstream)] * count
    targets = targets[: args.cves] + [None] * max(0, args.cves - len(targets))
    rng.shuffle(targets)
    # Yearly volume grows as the real one does.
    weights = [1 + (y - FIRST_YEAR) ** 2 for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    total = sum(weights)
    per_year = [args.cves * w // total for w in weights]
    per_year[-1] += args.cves - sum(per_year)
    os.makedirs(args.out, exist_ok=True)
    index = 0
    for year, count in zip(range(FIRST_YEAR, LAST_YEAR + 1), per_year):
        path = os.path.join(args.out, "nvdcve-2.0-%d.json" % year)
        with open(path, "w") as f:
            f.write('{"resultsPerPage": %d, "startIndex": 0, "totalResults": %d, "format": "NVD_CVE", '
                    '"version": "2.0", "timestamp": "2025-03-20T03:00:01.123", "vulnerabilities": [' % (count, count))
            for n in range(count):
                rec = record(rng, "CVE-%d-%05d" % (year, n + 1), year, targets[index], tail)
                index += 1
                f.write((",\n" if n else "\n") + json.dumps(rec))
            f.write("\n]}\n")


if __name__ == "__main__":
    main()
