// FIRST EPSS daily scores (https://www.first.org/epss/data_stats):
//   #model_version:v2025.03.14,score_date:2025-03-20T00:00:00+0000
//   cve,epss,percentile
//   CVE-1999-0001,0.01025,0.76385
// The comment line is optional in older files; scores and percentiles are in [0, 1].
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/result.h"

namespace pedigree::db {

/// One CVE's score.
struct EpssScore {
  std::string cve;
  double score = 0;
  double percentile = 0;
};

/// A whole EPSS file.
struct EpssFile {
  std::string model_version;  ///< e.g. v2025.03.14, empty when the file has no comment line
  std::string score_date;     ///< the date part (YYYY-MM-DD) of score_date
  std::vector<EpssScore> scores;
};

/// Parses an EPSS CSV; a bad line is an error naming its line number.
Result<EpssFile> parse_epss(std::string_view text);

}  // namespace pedigree::db
