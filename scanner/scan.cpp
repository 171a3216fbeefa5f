#include "scanner/scan.h"

#include "scanner/core/blob.h"
#include "scanner/core/calendar_date.h"
#include "scanner/core/hash.h"
#include "scanner/fingerprint/analyzers.h"
#include "scanner/fingerprint/fingerprint_report.h"
#include "scanner/fingerprint/fingerprint_visitor.h"
#include "scanner/report/build_report.h"

namespace pedigree {

Result<report::Report> scan_image(const std::string& path, const Limits& limits, unpack::NodeVisitor* visitor) {
  return scan_image(path, ScanOptions{limits, ""}, visitor);
}

Result<report::Report> scan_image(const std::string& path, const ScanOptions& options, unpack::NodeVisitor* visitor) {
  const Limits& limits = options.limits;
  auto image = Blob::map_file(path);
  if (!image) return image.error();
  report::Report r;
  r.tool_version = PEDIGREE_VERSION;
  r.image.path = path;
  auto slash = path.find_last_of('/');
  r.image.name = slash == std::string::npos ? path : path.substr(slash + 1);
  r.image.size = image->size();
  r.image.sha256 = sha256_hex(image->view());
  r.reference_date = options.reference_date.empty() ? today_utc() : options.reference_date;
  // Every file is fingerprinted as the walker produces it, on the walker's
  // threads, so each file's bytes are read once while they are in memory.
  fingerprint::FingerprintVisitor fingerprints(fingerprint::default_analyzers());
  std::vector<unpack::NodeVisitor*> visitors{&fingerprints};
  if (visitor != nullptr) visitors.push_back(visitor);
  fingerprint::FanOutVisitor all(std::move(visitors));
  auto unpacked = unpack::unpack_image(*image, r.image.name, limits, &all);
  report::add_unpack_result(r, unpacked);
  fingerprint::add_fingerprints(r, fingerprints.take(), unpacked.tree);
  return r;
}

}  // namespace pedigree
