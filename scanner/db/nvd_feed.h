// NVD CVE API 2.0 JSON: the yearly feed files `nvdcve-2.0-YYYY.json`.
//
//   {"resultsPerPage", "startIndex", "totalResults", "format": "NVD_CVE",
//    "version": "2.0", "timestamp",
//    "vulnerabilities": [{"cve": {
//        "id", "sourceIdentifier", "published", "lastModified", "vulnStatus",
//        "descriptions": [{"lang", "value"}],
//        "metrics": {"cvssMetricV40" | "cvssMetricV31" | "cvssMetricV30" | "cvssMetricV2":
//                    [{"source", "type": "Primary"|"Secondary",
//                      "cvssData": {"version", "vectorString", "baseScore", "baseSeverity", …},
//                      "baseSeverity" (v2 only), …}]},
//        "weaknesses": [{"source", "type", "description": [{"lang", "value": "CWE-787"}]}],
//        "configurations": [{"operator", "negate",
//                            "nodes": [{"operator", "negate",
//                                       "cpeMatch": [{"vulnerable", "criteria", "matchCriteriaId",
//                                                     "versionStartIncluding", "versionStartExcluding",
//                                                     "versionEndIncluding", "versionEndExcluding"}]}]}],
//        "references": [{"url", "source", "tags"}]}}]}
//
// The parser streams over the `vulnerabilities` array (simdjson On-Demand) and
// hands each record to a callback; keys may come in any order and unknown
// keys are skipped. Of the CVSS metrics it keeps, per version family, the
// NVD's own ("Primary") entry, else the first; v3.1 is preferred over v3.0.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// One CVSS score; `score` is negative when the record has none.
struct CvssScore {
  std::string_view version;
  std::string_view vector;
  std::string_view severity;
  double score = -1;
  bool present() const { return score >= 0; }
};

/// One cpeMatch entry; `vulnerable` is already false under a negated node.
struct NvdCpeMatch {
  bool vulnerable = false;
  std::string_view criteria;
  std::string_view match_criteria_id;
  std::string_view start_including, start_excluding, end_including, end_excluding;
};

/// One CVE. The views point into the parser's buffers and are valid only
/// during the callback.
struct NvdRecord {
  std::string_view id, published, last_modified, vuln_status, summary;
  CvssScore cvss_v3, cvss_v2, cvss_v4;
  std::vector<std::string_view> cwes;  ///< `CWE-…` values, deduplicated, in feed order
  std::vector<NvdCpeMatch> matches;
  std::size_t references = 0;  ///< how many references the record lists

  void clear();
};

/// Header facts of a feed file.
struct NvdFeedInfo {
  std::string format, version, timestamp;
  std::size_t records = 0;
};

/// Called once per CVE; an error stops the parse and is returned as is.
using NvdRecordSink = std::function<Status(const NvdRecord&)>;

/// Parses a whole feed held in `json`. The string is given extra capacity for
/// the parser's padding but its contents are not changed. Errors name the
/// record (CVE id, or its index when the id is missing).
Result<NvdFeedInfo> parse_nvd_feed(std::string& json, const NvdRecordSink& sink);

}  // namespace pedigree::db
