// Facts: what the analyzers say about files, before they are merged into the
// report. Analyzers only append; the fingerprint visitor collects the facts of
// every file and sorts them, so the result does not depend on thread timing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/fingerprint/security_facts.h"
#include "scanner/report/report.h"

namespace pedigree::fingerprint {

/// One sighting of a component in one file.
struct ComponentHit {
  std::string name;            ///< canonical name (db/seed/components.csv)
  std::string version;         ///< upstream version; empty when the evidence gives none
  std::string distro_version;  ///< full packaged version, from package databases only
  std::string relation;        ///< empty, "statically-linked" or "built-against"
  std::string purl;            ///< package URL the evidence states (package databases); empty: from the catalog
  std::string file_sha256;     ///< hash of the file the hit is in (filled by the visitor)
  report::Evidence evidence;
};

// ---- Chipset evidence and network identity ------------------------------

/// A MAC address assigned to a key in a configuration, environment or binary.
struct MacSighting {
  std::string address;  ///< upper case, ':'-separated
  std::string context;  ///< the key it was assigned to ("option macaddr", "ethaddr")
  std::string origin;
  std::uint64_t offset = 0;
  bool binary = false;  ///< the file is not text
};

/// A URL, host name or IP address found in a file.
struct EndpointSighting {
  std::string value;  ///< the URL as written, or the host / address
  std::string kind;   ///< url, host, ip
  std::string scheme;
  std::string host;  ///< lower case
  std::string origin;
  std::uint64_t offset = 0;
  bool binary = false;  ///< the file is not text
};

/// A U-Boot environment block found in a file, and whether its CRC32 checks.
struct UBootEnvironment {
  std::string origin;
  std::uint64_t offset = 0;       ///< of the header (the stored CRC32)
  std::uint64_t size = 0;         ///< header and data area: the CRC's extent, or the smallest one tried
  std::uint64_t data_offset = 0;  ///< first variable
  std::uint64_t data_end = 0;     ///< just past the empty string that ends the variables
  bool redundant = false;         ///< the header has the flags byte of a redundant environment
  bool crc_ok = false;
  std::uint32_t stored_crc = 0;
  std::uint32_t computed_crc = 0;  ///< over the data area of `size` (when crc_ok is false: the smallest size tried)
  std::uint32_t variables = 0;
};

struct Facts {
  std::vector<ComponentHit> components;
  std::vector<report::Binary> binaries;
  SecurityFacts security;
  // Chipset evidence and network identity.
  std::vector<report::ChipsetEvidence> chipset_evidence;
  std::vector<MacSighting> macs;
  std::vector<EndpointSighting> endpoints;
  std::vector<UBootEnvironment> uboot_envs;

  /// True when no analyzer added anything.
  bool empty() const;

  void append(Facts&& other);
  /// Orders every list by a total key so that equal inputs give equal output.
  void sort();
};

}  // namespace pedigree::fingerprint
