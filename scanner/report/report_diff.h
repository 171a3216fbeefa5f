// `pedigree diff OLD.json NEW.json`: what changed between two firmware
// versions, read from their native JSON reports — components added, removed
// or at another version, vulnerabilities fixed and introduced, vendors,
// chipsets and findings that appeared or went away.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::report {

struct VersionChange {
  std::string name;
  std::string relation;  ///< empty, statically-linked, built-against
  std::vector<std::string> old_versions, new_versions;
};

/// One keyed item of a section that is only in one of the two reports.
struct DiffItem {
  std::string key;     ///< e.g. "busybox 1.36.1", "CVE-2023-4911 glibc 2.36"
  std::string detail;  ///< a short description (severity, country, title)
};

struct ReportDiff {
  std::string old_image, new_image;  ///< name and SHA-256
  std::vector<DiffItem> components_added, components_removed;
  std::vector<VersionChange> components_changed;
  std::vector<DiffItem> vulnerabilities_introduced, vulnerabilities_fixed;
  std::vector<DiffItem> vendors_added, vendors_removed;
  std::vector<DiffItem> chipsets_added, chipsets_removed;
  std::vector<DiffItem> findings_new, findings_resolved;
  bool empty() const;
};

/// Compares two pedigree-report/1 documents. Errors name the file that is not one.
Result<ReportDiff> diff_reports(std::string_view old_json, std::string_view new_json);

std::string diff_to_text(const ReportDiff& d);
std::string diff_to_json(const ReportDiff& d);

}  // namespace pedigree::report
