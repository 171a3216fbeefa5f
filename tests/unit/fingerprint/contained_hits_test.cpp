#include "scanner/fingerprint/contained_hits.h"

#include <doctest/doctest.h>

using namespace pedigree;
using namespace pedigree::fingerprint;

namespace {

/// image.bin: an ELF-view layer at 0, a squashfs at 0x1000..0x3000, a gap after.
unpack::Tree sample_tree() {
  unpack::Tree t;
  t.nodes.push_back({unpack::kNoParent, 0, unpack::NodeKind::kFile, "image.bin", "", 0, 0x4000});
  t.nodes.push_back({0, 0, unpack::NodeKind::kLayer, "", "squashfs", 0x1000, 0x2000});
  t.nodes.push_back({1, 0, unpack::NodeKind::kFile, "/bin/busybox", "", 0, 0x100});
  t.nodes.push_back({0, 1, unpack::NodeKind::kLayer, "", "elf", 0, 0x4000});
  return t;
}

ComponentHit hit(const std::string& origin, std::uint64_t offset) {
  ComponentHit h;
  h.name = "busybox";
  h.evidence.kind = "binary";
  h.evidence.origin = origin;
  h.evidence.offset = offset;
  return h;
}

}  // namespace

TEST_CASE("hits inside unpacked layers are dropped, hits in gaps and views kept") {
  auto tree = sample_tree();
  std::string member = tree.origin(2);
  std::vector<ComponentHit> hits = {hit("image.bin", 0x800), hit("image.bin", 0x1800), hit("image.bin", 0x3800),
                                    hit(member, 0x10)};
  auto kept = drop_contained_hits(hits, tree);
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].evidence.offset == 0x800);   // before the squashfs, inside the ELF view
  CHECK(kept[1].evidence.offset == 0x3800);  // after it
  CHECK(kept[2].evidence.origin == member);  // the member's own hit
}

TEST_CASE("metadata evidence is never dropped") {
  auto tree = sample_tree();
  auto h = hit("image.bin", 0x1800);
  h.evidence.kind = "package-db";
  CHECK(drop_contained_hits({h}, tree).size() == 1);
}
