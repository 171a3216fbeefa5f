// Turns the rule matches in one file into component sightings: reads the
// version next to each match and labels how the component is there.
//
// Rule meta used (rules/README.md documents them):
//   component  canonical name          version  capture spec (version_capture.h)
//   files      comma-separated file-name prefixes where the component is itself
//              ("libcrypto.so,libssl.so,openssl"); without it, a match anywhere
//              means the component is present
//   relation   "built-against": the string is a compile-time constant a program
//              may hold while only linking the library dynamically
//   role       "code": the strings are the library's own code, not a banner
//   scope      "own-files": the strings (exported symbol names) also appear in
//              programs that merely import them, so only files named by
//              `files` count
//   lone_version  series pattern ("6.*.*") read from the whole of one of the
//              rule's own files when its candidates agree (lone_version.h);
//              it replaces what `version` reads there
//   version_symbols  dotted names of integer data objects the library exports
//              ("nl_ver_maj.nl_ver_min.nl_ver_mic"), read in its own files
//              (elf/exported_version.h)
//
// Relation of a hit in an ELF file whose name matches none of `files`:
//   "built-against"      the rule says so and no `role = "code"` rule of the
//                        same component matched in the file;
//   "statically-linked"  otherwise.
// Hits in the component's own files and in non-ELF data (kernels, boot
// loaders, RTOS images, carved regions) have no relation: the component is there.
#pragma once

#include <vector>

#include "scanner/fingerprint/facts.h"
#include "scanner/fingerprint/file_ref.h"
#include "scanner/fingerprint/yara/yara_rules.h"

namespace pedigree::fingerprint {

/// Bytes after a match searched for its version (and shown as evidence text).
inline constexpr std::size_t kVersionWindow = 256;
/// Evidence text is cut to this many characters.
inline constexpr std::size_t kMaxEvidenceText = 160;
/// Distinct versions of one rule reported per file.
inline constexpr std::size_t kMaxVersionsPerRule = 4;

std::vector<ComponentHit> rule_hits(const std::vector<yara::RuleInfo>& rules,
                                    const std::vector<yara::RuleMatch>& matches, const FileRef& file);

}  // namespace pedigree::fingerprint
