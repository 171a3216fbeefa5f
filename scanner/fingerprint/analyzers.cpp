#include "scanner/fingerprint/analyzers.h"

#include "scanner/fingerprint/metadata/buildroot_manifest.h"
#include "scanner/fingerprint/metadata/dpkg_status.h"
#include "scanner/fingerprint/metadata/kernel_release.h"
#include "scanner/fingerprint/metadata/library_file.h"
#include "scanner/fingerprint/metadata/openwrt_release.h"
#include "scanner/fingerprint/metadata/opkg_status.h"
#include "scanner/fingerprint/metadata/os_release.h"
#include "scanner/fingerprint/metadata/yocto_build.h"
#include "scanner/fingerprint/metadata/yocto_manifest.h"
#include "scanner/fingerprint/naming/seed_catalog.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& default_analyzers() {
  // One line per analyzer; each is a function-local static so that costly
  // set-up (compiling rules) happens once, on first use.
  static const std::vector<const Analyzer*> kAll = {
      // Package and system metadata, named through the seed catalog.
      [] {
        static const DpkgStatusAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const OpkgStatusAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const BuildrootManifestAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const YoctoManifestAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const YoctoBuildAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const OsReleaseAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const OpenwrtReleaseAnalyzer a(seed_catalog());
        return &a;
      }(),
      [] {
        static const KernelReleaseAnalyzer a;
        return &a;
      }(),
      [] {
        static const LibraryFileAnalyzer a(seed_catalog());
        return &a;
      }(),
  };
  return kAll;
}

}  // namespace pedigree::fingerprint
