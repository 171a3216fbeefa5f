// Fuzz target for one provenance-database input parser, chosen at build time
// with PEDIGREE_FUZZ_DB_PARSER: csv (the RFC 4180 reader), ids (pci.ids and
// usb.ids), ieee (the IEEE registry CSVs) or ca (a PEM CA bundle). Like
// fuzz_format.cpp: libFuzzer with clang, otherwise a replay tool over files.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz/replay_main.h"
#include "scanner/db/ca_bundle.h"
#include "scanner/db/csv_reader.h"
#include "scanner/db/id_list.h"
#include "scanner/db/ieee_registry.h"

namespace {

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
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
