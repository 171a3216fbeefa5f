// Fuzz target for the vulnerability feed parsers, chosen at build time with
// PEDIGREE_FUZZ_FEED: "nvd" (NVD CVE API 2.0 JSON), "osv" (OSV JSON, plus the
// stored-range decoder the lookup uses), "kev" (CISA KEV CSV and JSON) or
// "epss" (FIRST EPSS CSV, plain or gzip). Built for libFuzzer with clang,
// and always as a replay tool over files given on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz/replay_main.h"
#include "scanner/db/cpe.h"
#include "scanner/db/epss.h"
#include "scanner/db/gunzip.h"
#include "scanner/db/kev.h"
#include "scanner/db/nvd_feed.h"
#include "scanner/db/osv_record.h"
#include "scanner/db/vuln_match.h"

namespace {

void run_nvd(std::string json) {
  using namespace pedigree::db;
  (void)parse_nvd_feed(json, [](const NvdRecord& rec) -> pedigree::Status {
    // Exercise what the importer does with each record.
    for (const auto& m : rec.matches) {
      auto cpe = parse_cpe(m.criteria);
      if (!cpe) continue;
      CpeRange r{std::string(m.criteria),        cpe_exact_version(*cpe),      std::string(m.start_including),
                 std::string(m.start_excluding), std::string(m.end_including), std::string(m.end_excluding)};
      (void)match_cpe_range(r, "1.0.2k");
      (void)format_cpe(*cpe);
    }
    return pedigree::Ok{};
  });
}

void run_osv(std::string_view json) {
  using namespace pedigree::db;
  auto recs = parse_osv(json);
  if (recs.ok()) {
    for (const auto& rec : *recs)
      for (const auto& a : rec.affected) {
        (void)match_osv(a, "1:2.3.4-5+deb12u1");
        (void)decode_osv_ranges(encode_osv_ranges(a.ranges));
      }
  }
  (void)decode_osv_ranges(json);
}

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree::db;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string_view feed = PEDIGREE_FUZZ_FEED;
  if (feed == "nvd") {
    run_nvd(std::move(bytes));
  } else if (feed == "osv") {
    run_osv(bytes);
  } else if (feed == "kev") {
    (void)parse_kev_csv(bytes);
    (void)parse_kev_json(bytes);
  } else {
    constexpr std::uint64_t kMaxOut = 64 << 20;
    auto text = maybe_gunzip(std::move(bytes), kMaxOut);
    if (text.ok()) (void)parse_epss(*text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
