// The in-memory report: one model, many writers (text, JSON, and later the
// SBOM and SARIF writers). Each analysis adds its own section; nothing in a
// writer recomputes facts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pedigree::report {

inline constexpr const char* kSchema = "pedigree-report/1";

struct Image {
  std::string path;  ///< as given on the command line
  std::string name;  ///< file name: the root of every origin chain
  std::string sha256;
  std::uint64_t size = 0;
  std::string format;  ///< format the whole image was identified as, if it is one instance with no members
};

struct Layer {
  std::string format;
  std::string origin;  ///< "image.bin @0x4b0000 squashfs"
  std::string parent;  ///< origin of the file the layer sits in
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint32_t depth = 0;
  std::uint64_t members = 0;
};

struct File {
  std::string origin;  ///< "image.bin @0x4b0000 squashfs → /usr/sbin/dropbear"
  std::string path;    ///< path inside its layer
  std::string kind;    ///< file, dir, symlink, hardlink, special
  std::string format;  ///< format the whole file was identified as, if any
  std::string sha256;
  std::string link_target;
  std::uint64_t size = 0;
  std::uint32_t mode = 0;
  std::uint32_t depth = 0;
};

struct Region {
  std::string origin;  ///< the file the region sits in
  std::string kind;    ///< unknown, padding
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  double entropy = 0.0;
};

struct Warning {
  std::string kind;
  std::string origin;
  std::string message;
};

/// One piece of evidence for a fact: where it was seen and what it said.
struct Evidence {
  std::string kind;    ///< binary (rule match), package-db, manifest, os-release, vermagic, soname, filename, banner
  std::string source;  ///< rule id, or the metadata file that said it
  std::string origin;  ///< origin chain of the file it was found in
  std::uint64_t offset = 0;  ///< byte offset of a match inside that file
  std::string text;          ///< the matched bytes (printable) or the metadata line
  std::string version;       ///< the version this evidence states; empty if none
};

/// A software component found in the image (one per name, version and relation).
struct Component {
  std::string name;            ///< canonical name (db/seed/components.csv)
  std::string version;         ///< upstream version, the match key; empty when no evidence gives one
  std::string distro_version;  ///< full packaged version when a package database says so ("1:1.35.0-4+deb12u1")
  std::string relation;        ///< empty for a component that is present; "statically-linked", "built-against"
  std::string type;            ///< CycloneDX type: library, application, operating-system, firmware
  std::string cpe;             ///< CPE 2.3 formatted string, when the name maps to one
  std::string purl;
  std::string supplier;
  std::vector<std::string> paths;   ///< origin chains of the files that carry it, sorted
  std::vector<std::string> sha256;  ///< hashes of those files, same order as paths
  std::vector<Evidence> evidence;   ///< sorted by origin, offset, source
};

/// One ELF file: what it is built for and how it is hardened.
struct Binary {
  std::string origin;
  std::string type;     ///< exec, dyn (shared object or PIE), rel (kernel module), core
  std::string machine;  ///< mips, arm, aarch64, x86_64, ...
  std::uint32_t bits = 0;
  std::string endian;  ///< little, big
  std::string abi;     ///< e.g. "mips o32", "arm eabi5 hard-float"
  std::string interpreter;
  std::string soname;
  std::vector<std::string> needed;
  std::vector<std::string> rpath;
  std::vector<std::string> runpath;
  bool stripped = false;
  bool nx = false;
  std::string pie;    ///< yes, no, dso, rel
  std::string relro;  ///< none, partial, full
  bool canary = false;
  bool fortify = false;
  std::uint32_t fortified = 0;    ///< __*_chk functions used
  std::uint32_t fortifiable = 0;  ///< functions that have a _chk variant
};

/// A known vulnerability that affects a component found in the image.
struct Vulnerability {
  std::string id;         ///< CVE id (or OSV id)
  std::string component;  ///< component name
  std::string version;    ///< the component version it was matched on
  std::string relation;   ///< the component's relation (empty, statically-linked)
  std::string status;     ///< vulnerable, backport-possible
  std::string range;      ///< the affected range that matched, for evidence
  std::string criteria;   ///< CPE match string or OSV package
  std::string fixed_in;
  std::string summary;
  double cvss = -1.0;  ///< base score; negative when unknown
  std::string cvss_version;
  std::string cvss_vector;
  std::string severity;  ///< critical, high, medium, low, none, unknown (from CVSS)
  std::string cwes;
  std::string published;
  bool kev = false;
  std::string kev_date_added;
  double epss = -1.0;  ///< negative when unknown
  std::string source;
  std::string finding;  ///< id of the finding it raised (scanner/risk): how a waiver reaches it
};

/// A regulatory list entry that names a vendor (or a company above it).
struct ListHit {
  std::string list;
  std::string jurisdiction;
  std::string entity;  ///< as the list writes it
  std::string via;     ///< the vendor the entry names: this vendor or a parent
  std::string scope;
  std::string date_added;
  std::string source;
};

/// Why a vendor appears in the report.
struct VendorRole {
  std::string role;     ///< component-supplier, soc, module, certificate-issuer, mac-block-owner, cloud-endpoint
  std::string subject;  ///< what it supplies: a component name, a chipset, a certificate subject...
  std::string origin;   ///< where the evidence is
};

struct Vendor {
  std::string name;
  std::string country;  ///< ISO 3166-1 alpha-2; empty when unknown
  std::string ownership;
  std::vector<std::string> parents;  ///< "Name (CC)", nearest first
  std::vector<VendorRole> roles;     ///< sorted
  std::vector<ListHit> lists;        ///< sorted
};

/// One input of the provenance database, so every answer is traceable.
struct DataSource {
  std::string name;
  std::string kind;
  std::string version;
  std::string sha256;
};

struct DatabaseInfo {
  int schema_version = 0;
  std::vector<DataSource> sources;  ///< sorted by name
};

// --- Security facts: certificates, keys, accounts, services, findings ---

/// An X.509 certificate found in a file (PEM or DER, standalone or embedded).
struct Certificate {
  std::string origin;
  std::uint64_t offset = 0;
  std::string encoding;  ///< pem, der
  std::string subject;   ///< one-line DN, RFC 2253 order ("CN=x,O=y,C=z")
  std::string subject_cn, subject_o, subject_c;
  std::string issuer;
  std::string issuer_cn, issuer_o, issuer_c;
  std::string serial;      ///< lower-case hex
  std::string not_before;  ///< ISO-8601 UTC ("2024-01-31T00:00:00Z")
  std::string not_after;
  bool expired = false;        ///< relative to the report's reference date
  bool not_yet_valid = false;  ///< idem
  bool expires_soon = false;   ///< valid now, expires within 90 days
  bool self_signed = false;    ///< issuer == subject and the signature verifies with its own key
  bool is_ca = false;          ///< basicConstraints CA:TRUE
  std::string key_type;        ///< rsa, ec, ed25519, ed448, dsa, unknown
  std::uint32_t key_bits = 0;
  std::string curve;                        ///< EC curve name (prime256v1, secp384r1, ...)
  std::string signature_algorithm;          ///< e.g. sha256WithRSAEncryption
  std::string sha256;                       ///< of the DER encoding
  std::string spki_sha256;                  ///< of the DER SubjectPublicKeyInfo: links keys and certificates
  std::string subject_key_id;               ///< hex, from the extension when present
  std::string issuer_key_id;                ///< hex, authorityKeyIdentifier keyid when present
  std::string issuer_known_ca = "unknown";  ///< yes, no, unknown (set from the CA table)
  std::vector<std::string> also_at;         ///< other origins of the same certificate
  std::string confidence;                   ///< high, medium, low (scanner/fingerprint/confidence.h)
  std::string confidence_basis;             ///< why, in a few words
};

/// A private key found in a file.
struct PrivateKey {
  std::string origin;
  std::uint64_t offset = 0;
  std::string format;  ///< pkcs1, pkcs8, encrypted-pkcs8, ec, dsa, openssh, dropbear, putty-ppk
  std::string type;    ///< rsa, ec, ed25519, dsa, unknown
  std::uint32_t bits = 0;
  std::string curve;
  bool encrypted = false;
  std::string spki_sha256;                       ///< of the public key's SubjectPublicKeyInfo, when derivable
  std::vector<std::string> matches_certificate;  ///< sha256 of certificates with the same public key
  std::vector<std::string> also_at;              ///< other origins of the same key
  std::string confidence;                        ///< high, medium, low (scanner/fingerprint/confidence.h)
  std::string confidence_basis;                  ///< why, in a few words
};

/// One account, or one credential found in a configuration file.
struct Credential {
  std::string origin;
  std::string source;  ///< passwd, shadow, htpasswd, netrc, wpa, config, script
  std::string user;
  std::int64_t uid = -1;  ///< -1 when not known
  std::int64_t gid = -1;
  std::string shell;
  std::string hash_type;  ///< des, md5, sha256, sha512, yescrypt, bcrypt, plaintext, empty, locked, none, unknown
  bool empty_password = false;
  bool password_known = false;  ///< the built-in dictionary cracked it, or it is stored in clear
  std::string password_hint;    ///< masked ("a****n"); never the password itself
  bool uid0_non_root = false;
  bool login_shell = false;      ///< the shell is not nologin/false
  std::string confidence;        ///< high, medium, low (scanner/fingerprint/confidence.h)
  std::string confidence_basis;  ///< why, in a few words
};

/// Something the init system starts, or a network service's configuration.
struct Service {
  std::string origin;  ///< the init script, unit or inittab file
  std::uint32_t line = 0;
  std::string name;              ///< telnetd, ftpd, tftpd, upnpd, httpd, sshd, dropbear, console-shell, adbd, ...
  std::string started;           ///< inittab, rc-script, systemd, procd, inetd
  std::string details;           ///< e.g. "dropbear with password login allowed"
  std::string text;              ///< the line that starts it
  std::string confidence;        ///< high, medium, low (scanner/fingerprint/confidence.h)
  std::string confidence_basis;  ///< why, in a few words
};

/// A setuid, setgid or world-writable file in an unpacked tree.
struct FilePermissionIssue {
  std::string origin;
  std::string kind;  ///< setuid, setgid, world-writable
  std::uint32_t mode = 0;
  std::string owner;  ///< empty: the formats read so far do not keep owners
};

/// A risk found in the image, with its evidence (docs/report.schema.json).
struct Finding {
  std::string id;        ///< stable: PEDIGREE-<KIND>-<hash of kind and origin>
  std::string severity;  ///< critical, high, medium, low, info
  std::string category;  ///< certificate, key, credential, service, permissions
  std::string title;
  std::string origin;
  std::string evidence;
  std::string remediation;
  // Added by the risk assessment (scanner/risk): the policy's verdict.
  std::string kind;                     ///< the id's KIND part; keys the provisions mapping and SARIF rules
  std::vector<std::string> provisions;  ///< provisions it bears on (rules/provisions.json)
  bool waived = false;                  ///< an active waiver covers it: --fail-on ignores it
  std::string waiver;                   ///< id of the waiver that names it (active or expired)
  bool waiver_expired = false;          ///< the waiver that names it expired before the reference date
};

/// One area of the risk summary: how many findings, and why.
struct RiskArea {
  std::string area;  ///< origin, vulnerabilities, crypto, credentials, attack-surface, hardening, coverage
  std::uint64_t critical = 0, high = 0, medium = 0, low = 0, info = 0, waived = 0;
  std::vector<std::string> top;  ///< titles of the most severe findings not waived
};

/// The risk assessment's result as a whole.
struct RiskSummary {
  std::string policy;   ///< name of the policy the findings were judged under
  std::string highest;  ///< the most severe severity not waived; "none" when there is none
  std::uint64_t critical = 0, high = 0, medium = 0, low = 0, info = 0, waived = 0;
  std::vector<RiskArea> areas;  ///< fixed order
};

/// A provision of a standard or regulation and what the findings say about it.
struct ProvisionVerdict {
  std::string id;  ///< "ETSI 5.1-1", "CRA I-1(2)(a)", ...
  std::string framework;
  std::string title;
  std::string verdict;                ///< evidence of non-conformity, no evidence found, not assessable from firmware
  std::vector<std::string> findings;  ///< ids of the findings not waived that bear on it
  std::vector<std::string> evidence;  ///< facts recorded for it that are not findings (an SBOM produced)
};

/// A waiver of the waiver file, and whether it counted.
struct WaiverStatus {
  std::string id, pattern, reason, author, expires;
  std::string status;  ///< active, expired, unused (matched nothing)
  std::uint64_t matched = 0;
  // Its VEX statement (CycloneDX impact analysis); empty when the waiver makes none.
  std::string state, justification;
  std::vector<std::string> responses;
};

/// An SBOM this scan wrote: the record that the components were documented.
struct SbomRecord {
  std::string format;        ///< cyclonedx, spdx
  std::string spec_version;  ///< 1.6, SPDX-2.3
  std::string path;          ///< as given on the command line
  std::uint64_t components = 0;
};

/// What a third party needs to reproduce the report: inputs by hash.
struct EvidenceBlock {
  std::string rules_sha256;          ///< the embedded rule data (component rules, policies, provisions, EOL table)
  std::string policy_sha256;         ///< the policy text used
  std::string waivers_sha256;        ///< the waiver file used; empty when none
  std::vector<std::string> options;  ///< scan options that change results, "name=value", sorted
};

struct Counts {
  std::uint64_t files = 0, dirs = 0, symlinks = 0, hardlinks = 0, specials = 0;
  std::uint64_t layers = 0, bytes_extracted = 0, unknown_bytes = 0, padding_bytes = 0;
  std::uint32_t max_depth = 0;
};

// ---- Chipsets and network identity -------------------------------------

/// One sighting of something that identifies hardware: a device-tree
/// compatible, a kernel config symbol, a banner, a firmware blob's path...
struct ChipsetEvidence {
  std::string
      kind;  ///< dt_compatible, dt_model, dt_soc, kconfig, bootloader, kernel, module, firmware, library, pci, usb
  std::string value;   ///< what was seen ("ti,am33xx", "CONFIG_SOC_AM33XX", "14e4:43a0")
  std::string origin;  ///< origin chain of the file it was found in
  std::uint64_t offset = 0;
  std::string matched_key;  ///< the database key it matched (filled by the match step)
  std::string name;         ///< PCI/USB vendor and device names from pci.ids/usb.ids
};

/// A chipset the evidence points at: the main SoC, a Wi-Fi or Bluetooth chip, a modem.
struct Chipset {
  std::string role;    ///< soc, wifi, bluetooth, modem
  std::string vendor;  ///< vendors.csv name
  std::string family;
  std::string model;             ///< most specific model named by the evidence; empty when none
  std::string board;             ///< device-tree model of the board, when one was seen
  std::string country;           ///< the vendor's, ISO 3166-1 alpha-2
  std::string confidence;        ///< high (independent kinds agree), medium (one strong key), low (a bare string)
  std::string confidence_basis;  ///< the kinds of evidence that agree, or the one that names it
  bool disputed = false;         ///< another family claims the same role with as strong evidence
  std::vector<ChipsetEvidence> evidence;  ///< sorted by kind, value, origin, offset
};

/// A MAC address found in a configuration or binary.
struct MacAddress {
  std::string address;  ///< "00:90:4C:12:34:56"
  std::string origin;   ///< first file it was seen in
  std::uint64_t offset = 0;
  std::string context;               ///< the key it was assigned to ("option macaddr", "ethaddr")
  std::vector<std::string> origins;  ///< every file it was seen in, sorted
  std::string organization;          ///< IEEE registry assignee (match step)
  std::string country;
  std::string registry;  ///< MA-L, MA-M, MA-S
  std::string prefix;
  std::string confidence;        ///< high, medium, low (scanner/fingerprint/confidence.h)
  std::string confidence_basis;  ///< why, in a few words
};

/// A host, URL or IP address a binary or configuration talks to.
struct Endpoint {
  std::string value;                 ///< the URL as written, or the host / IP address
  std::string kind;                  ///< url, host, ip
  std::string scheme;                ///< http, https, mqtts, ntp... (urls only)
  std::string host;                  ///< lower case
  std::string registrable_domain;    ///< eTLD+1 by the Public Suffix List; empty for IPs
  std::string tld_country;           ///< ISO 3166-1 alpha-2 suggested by a country-code TLD
  std::string owner;                 ///< vendor the database attributes the domain to (match step)
  std::vector<std::string> origins;  ///< sorted
  std::string confidence;            ///< high, medium, low: the best of its sightings
  std::string confidence_basis;      ///< why, in a few words
};

struct Network {
  std::vector<MacAddress> mac_addresses;  ///< sorted by address
  std::vector<Endpoint> endpoints;        ///< sorted by host, value
};

struct Report {
  std::string tool_version;
  Image image;
  std::vector<Layer> layers;
  std::vector<File> files;
  std::vector<Region> regions;
  std::vector<Warning> warnings;
  Counts counts;
  std::vector<Component> components;           ///< sorted by name, version, relation
  std::vector<Binary> binaries;                ///< sorted by origin
  std::vector<std::string> architectures;      ///< e.g. "mips 32-bit little-endian", most files first
  DatabaseInfo database;                       ///< empty when the scan used no database
  std::vector<Vulnerability> vulnerabilities;  ///< sorted: KEV first, then CVSS high to low, then id
  std::vector<Vendor> vendors;                 ///< sorted by name
  // Security facts (see the block above).
  std::string reference_date;             ///< YYYY-MM-DD: time-dependent judgements are made as of this date
  std::vector<Certificate> certificates;  ///< sorted by origin, offset
  std::vector<PrivateKey> keys;           ///< sorted by origin, offset
  std::vector<Credential> credentials;    ///< sorted by origin, user
  std::vector<Service> services;          ///< sorted by origin, line
  std::vector<FilePermissionIssue> permission_issues;  ///< sorted by origin
  std::vector<Finding> findings;                       ///< most severe first, then by id
  // Chipsets and network identity.
  std::vector<ChipsetEvidence> chipset_evidence;  ///< raw, resolved into `chipsets` by the match step
  std::vector<Chipset> chipsets;                  ///< sorted by role, vendor, family
  Network network;
  // Risk assessment (scanner/risk).
  RiskSummary risk;
  std::vector<ProvisionVerdict> provisions;  ///< in the mapping's order
  std::vector<WaiverStatus> waivers;         ///< in the waiver file's order
  std::vector<SbomRecord> sboms;             ///< in the order of the -o options
  EvidenceBlock evidence;
};

}  // namespace pedigree::report
