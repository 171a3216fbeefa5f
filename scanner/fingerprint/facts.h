// Facts: what the analyzers say about files, before they are merged into the
// report. Analyzers only append; the fingerprint visitor collects the facts of
// every file and sorts them, so the result does not depend on thread timing.
#pragma once

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
  std::string file_sha256;     ///< hash of the file the hit is in (filled by the visitor)
  report::Evidence evidence;
};

struct Facts {
  std::vector<ComponentHit> components;
  std::vector<report::Binary> binaries;
  SecurityFacts security;

  void append(Facts&& other);
  /// Orders every list by a total key so that equal inputs give equal output.
  void sort();
};

}  // namespace pedigree::fingerprint
