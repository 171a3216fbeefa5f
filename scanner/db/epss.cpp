#include "scanner/db/epss.h"

#include <charconv>

namespace pedigree::db {
namespace {

constexpr std::string_view kHeader = "cve,epss,percentile";
constexpr std::size_t kDateLength = 10;  ///< YYYY-MM-DD

std::string_view next_line(std::string_view& text) {
  std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// `#model_version:v2025.03.14,score_date:2025-03-20T00:00:00+0000`
void read_comment(std::string_view line, EpssFile& out) {
  line.remove_prefix(1);
  while (!line.empty()) {
    std::size_t comma = line.find(',');
    std::string_view item = line.substr(0, comma);
    line.remove_prefix(comma == std::string_view::npos ? line.size() : comma + 1);
    std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = item.substr(0, colon), value = item.substr(colon + 1);
    if (key == "model_version") out.model_version = std::string(value);
    if (key == "score_date") out.score_date = std::string(value.substr(0, kDateLength));
  }
}

bool parse_unit(std::string_view text, double& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out >= 0 && out <= 1;
}

bool parse_row(std::string_view line, EpssScore& out) {
  std::size_t a = line.find(',');
  if (a == std::string_view::npos) return false;
  std::size_t b = line.find(',', a + 1);
  if (b == std::string_view::npos || line.find(',', b + 1) != std::string_view::npos) return false;
  std::string_view cve = line.substr(0, a);
  if (cve.substr(0, 4) != "CVE-") return false;
  out.cve = std::string(cve);
  return parse_unit(line.substr(a + 1, b - a - 1), out.score) && parse_unit(line.substr(b + 1), out.percentile);
}

}  // namespace

Result<EpssFile> parse_epss(std::string_view text) {
  EpssFile out;
  std::size_t line_no = 0;
  bool header = false;
  while (!text.empty()) {
    std::string_view line = next_line(text);
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (!header) read_comment(line, out);
      continue;
    }
    if (!header) {
      if (line != kHeader)
        return make_error(Errc::kBadMagic,
                          "line " + std::to_string(line_no) + ": expected header " + std::string(kHeader));
      header = true;
      continue;
    }
    EpssScore score;
    if (!parse_row(line, score))
      return make_error(Errc::kCorrupt, "line " + std::to_string(line_no) + ": expected CVE-id,score,percentile");
    out.scores.push_back(std::move(score));
  }
  if (!header) return make_error(Errc::kTruncated, "no cve,epss,percentile header");
  return out;
}

}  // namespace pedigree::db
