// Fuzz target for one provenance-database input parser, chosen at build time
// with PEDIGREE_FUZZ_DB_PARSER: csv (the RFC 4180 reader), ids (pci.ids and
// usb.ids), ieee (the IEEE registry CSVs), ca (a PEM CA bundle) or cpe_rows
// (cpe_findings rows as a lookup reads them from a database file). Like
// fuzz_format.cpp: libFuzzer with clang, otherwise a replay tool over files.
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/replay_main.h"
#include "scanner/db/ca_bundle.h"
#include "scanner/db/cpe_finding_rows.h"
#include "scanner/db/csv_reader.h"
#include "scanner/db/id_list.h"
#include "scanner/db/ieee_registry.h"
#include "scanner/db/vuln_lookup.h"

namespace {

// Rows at blank lines, columns at line ends (missing ones empty): a database
// given with --db may hold any text in the packed columns.
void run_cpe_rows(std::string_view text) {
  using namespace pedigree::db;
  MatchedCpeRows rows;
  while (!text.empty()) {
    std::size_t end = text.find("\n\n");
    std::string_view row = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
    std::array<std::string_view, MatchedCpeRows::kColumns> columns;
    for (auto& c : columns) {
      std::size_t eol = row.find('\n');
      c = row.substr(0, eol);
      row = eol == std::string_view::npos ? std::string_view() : row.substr(eol + 1);
    }
    rows.add(columns, std::nullopt, 0.5);
  }
  for (std::size_t r : rows.one_per_advisory()) {
    VulnFinding f;
    rows.fill(r, f);
  }
}

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree::db;
  // Copy: the parsers' errors and records must not outlive the fuzzer's buffer.
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string_view parser = PEDIGREE_FUZZ_DB_PARSER;
  if (parser == "csv") {
    CsvReader reader(text, "fuzz.csv", {.max_field_bytes = 1 << 16, .max_fields = 64, .max_records = 100000});
    CsvRecord rec;
    for (;;) {
      auto more = reader.next(rec);
      if (!more || !*more) break;
    }
  } else if (parser == "ids") {
    (void)parse_id_list(text, "fuzz.ids");
  } else if (parser == "ieee") {
    (void)parse_ieee_registry(text, "fuzz.csv", "MA-L");
  } else if (parser == "ca") {
    (void)parse_ca_bundle(text, "fuzz.pem");
  } else if (parser == "cpe_rows") {
    run_cpe_rows(text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
