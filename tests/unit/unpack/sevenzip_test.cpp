#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

std::string p7zip(const ScratchDir& dir, const std::string& options = "") {
  REQUIRE(dir.run("rm -f out.7z && cd src && 7z a -snl " + options + " ../out.7z tree"));
  return dir.read("out.7z");
}

TEST_CASE("sevenzip: round trip of files, modes and symlinks") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string archive = p7zip(dir);
  REQUIRE(archive.substr(0, 6) == "7z\xBC\xAF\x27\x1C");
  auto x = extract_with(format("7z"), Blob::from_string(archive));
  REQUIRE(x.extracted);
  CHECK(x.consumed == archive.size());
  CHECK(x.sink.warnings.empty());
  check_tree(x.sink, tree);  // 7z keeps the hard link as a second copy
  // Decompressed members are copies; stored ("copy" method) ones are views.
  CHECK(x.sink.find("tree/bin/su")->entry.offset == unpack::kNoOffset);
  Blob stored = Blob::from_string(p7zip(dir, "-m0=copy"));
  auto y = extract_with(format("7z"), stored);
  REQUIRE(y.extracted);
  check_tree(y.sink, tree);
  const Member* su = y.sink.find("tree/bin/su");
  REQUIRE(su->entry.offset != unpack::kNoOffset);
  CHECK(su->data.data() == stored.data() + su->entry.offset);
}

TEST_CASE("sevenzip: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  check_exact_size(format("7z"), p7zip(dir));
}

TEST_CASE("sevenzip: truncated and damaged archives are refused or warn, never crash") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string archive = p7zip(dir);
  // The directory sits at the end: a cut archive has nothing to read.
  auto cut = format("7z").probe(as_bytes(std::string_view(archive).substr(0, archive.size() - 10)));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);

  std::string bad_start = archive;
  bad_start[13] ^= 1;  // inside the CRC-protected start header
  CHECK_FALSE(format("7z").probe(as_bytes(std::string_view(bad_start))).ok());
  std::string bad_next = archive;
  bad_next[archive.size() - 5] ^= 1;  // inside the next header
  CHECK_FALSE(format("7z").probe(as_bytes(std::string_view(bad_next))).ok());

  // Damage to the packed streams: the CRCs catch it, extraction warns.
  std::string bad_data = archive;
  bad_data[200] ^= 0x10;
  auto x = extract_with(format("7z"), Blob::from_string(bad_data));
  CHECK(x.probed);
  CHECK((!x.extracted || !x.sink.warnings.empty()));
  extract_flipped(format("7z"), archive, 48);
}

TEST_CASE("sevenzip: stray magic in random bytes is not a 7z") {
  for (unsigned seed = 1; seed < 100; ++seed) {
    std::string junk = "7z\xBC\xAF\x27\x1C" + noise(500, seed);
    CHECK_FALSE(format("7z").probe(as_bytes(std::string_view(junk))).ok());
  }
}

}  // namespace
}  // namespace pedigree::test::archives
