#include "scanner/fingerprint/metadata/metadata_analyzers.h"

#include "scanner/fingerprint/metadata/buildroot_manifest.h"
#include "scanner/fingerprint/metadata/dpkg_status.h"
#include "scanner/fingerprint/metadata/elf_package_note.h"
#include "scanner/fingerprint/metadata/kernel_release.h"
#include "scanner/fingerprint/metadata/library_file.h"
#include "scanner/fingerprint/metadata/openwrt_release.h"
#include "scanner/fingerprint/metadata/opkg_status.h"
#include "scanner/fingerprint/metadata/os_release.h"
#include "scanner/fingerprint/metadata/yocto_build.h"
#include "scanner/fingerprint/metadata/yocto_manifest.h"
#include "scanner/fingerprint/naming/seed_catalog.h"

namespace pedigree::fingerprint {

const std::vector<const Analyzer*>& metadata_analyzers() {
  static const DpkgStatusAnalyzer kDpkg(seed_catalog());
  static const OpkgStatusAnalyzer kOpkg(seed_catalog());
  static const BuildrootManifestAnalyzer kBuildroot(seed_catalog());
  static const YoctoManifestAnalyzer kYocto(seed_catalog());
  static const YoctoBuildAnalyzer kYoctoBuild(seed_catalog());
  static const OsReleaseAnalyzer kOsRelease(seed_catalog());
  static const OpenwrtReleaseAnalyzer kOpenwrt(seed_catalog());
  static const KernelReleaseAnalyzer kKernel;
  static const LibraryFileAnalyzer kLibraryFile(seed_catalog());
  static const ElfPackageNoteAnalyzer kPackageNote(seed_catalog());
  static const std::vector<const Analyzer*> kAll = {&kDpkg,      &kOpkg,    &kBuildroot, &kYocto,       &kYoctoBuild,
                                                    &kOsRelease, &kOpenwrt, &kKernel,    &kLibraryFile, &kPackageNote};
  return kAll;
}

}  // namespace pedigree::fingerprint
