// One scan, end to end: map the image, unpack it, build the report.
#pragma once

#include <string>

#include "scanner/core/limits.h"
#include "scanner/core/result.h"
#include "scanner/report/report.h"
#include "scanner/unpack/walker.h"

namespace pedigree {

/// What a scan is told from outside: its limits and the date it judges by.
struct ScanOptions {
  Limits limits;
  /// "YYYY-MM-DD" that certificate expiry is judged against; empty means
  /// today's UTC date. Recorded in the report so that runs can be repeated.
  std::string reference_date;
};

/// Scans the image at `path`. `visitor` (optional) also sees every member,
/// e.g. to write it to disk. Errors only when the image cannot be read: a
/// damaged image is scanned as far as possible and its problems are warnings.
Result<report::Report> scan_image(const std::string& path, const ScanOptions& options,
                                  unpack::NodeVisitor* visitor = nullptr);
/// The same, judging by today's date.
Result<report::Report> scan_image(const std::string& path, const Limits& limits,
                                  unpack::NodeVisitor* visitor = nullptr);

}  // namespace pedigree
