#include "scanner/fingerprint/sightings.h"

#include <doctest/doctest.h>

namespace pedigree::fingerprint {
namespace {

report::Layer fit_layer() {
  report::Layer l;
  l.format = "fit";
  l.origin = "nand.bin @0xc0000 fit";
  l.parent = "nand.bin";
  l.offset = 0xc0000;
  l.size = 0x40000;
  return l;
}

report::ChipsetEvidence ev(std::string value, std::string origin, std::uint64_t offset) {
  report::ChipsetEvidence e;
  e.kind = "dt_compatible";
  e.value = std::move(value);
  e.origin = std::move(origin);
  e.offset = offset;
  return e;
}

TEST_CASE("sightings: a dump's copy of a FIT blob's tree is dropped; a tree outside the FIT is kept") {
  auto kept = innermost_evidence(
      {ev("ti,am33xx", "nand.bin", 0x80010), ev("ti,am33xx", "nand.bin", 0xc1000),
       ev("ti,am33xx", "nand.bin @0xc0000 fit → /fdt-1", 0x10), ev("ti,am335x-bone", "nand.bin", 0xc2000)},
      {fit_layer()});
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].offset == 0x80010);
  CHECK(kept[1].origin == "nand.bin @0xc0000 fit → /fdt-1");
  CHECK(kept[2].value == "ti,am335x-bone");  // no file inside repeats it
}

TEST_CASE("sightings: without layers nothing is dropped") {
  std::vector<Sighting> seen = {{"a", 1}, {"a @0x0 tar → /x", 2}};
  CHECK(innermost(seen, {}).size() == 2);
}

}  // namespace
}  // namespace pedigree::fingerprint
