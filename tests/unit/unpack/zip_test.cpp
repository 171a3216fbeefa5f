#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

std::string info_zip(const ScratchDir& dir, const std::string& options = "") {
  REQUIRE(dir.run("rm -f out.zip && cd src && zip -q -r -y " + options + " ../out.zip tree"));
  return dir.read("out.zip");
}

TEST_CASE("zip: extracts deflated and stored members, modes and symlinks byte-identically") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  for (const char* level : {"-6", "-0"}) {
    CAPTURE(level);
    Blob blob = Blob::from_string(info_zip(dir, level));
    auto x = extract_with(format("zip"), blob);
    REQUIRE(x.extracted);
    CHECK(x.consumed == blob.size());
    CHECK(x.sink.warnings.empty());
    check_tree(x.sink, tree);  // zip keeps the hard link as a second copy
    const Member* su = x.sink.find("tree/bin/su");
    if (std::string_view(level) == "-0") {
      REQUIRE(su->entry.offset != unpack::kNoOffset);
      CHECK(su->data.data() == blob.data() + su->entry.offset);
    }
  }
}

TEST_CASE("zip: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string zip = info_zip(dir);
  check_exact_size(format("zip"), zip);
  // More than the longest comment after it: the end record is found forwards.
  std::string far = zip + noise(100000, 4);
  auto p = format("zip").probe(as_bytes(std::string_view(far)));
  REQUIRE(p.ok());
  CHECK(*p == zip.size());
  // A stored zip inside a stored zip: the outer one's end is the right one.
  dir.write("src/tree/inner.zip", zip);
  std::string outer = info_zip(dir, "-0");
  check_exact_size(format("zip"), outer);
}

TEST_CASE("zip: ZIP64 end records and self-extractor offsets") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  std::string payload = noise(5000, 7);
  dir.write("payload", payload);
  REQUIRE(dir.run("zip -q z64.zip - < payload"));
  std::string z64 = dir.read("z64.zip");
  REQUIRE(z64.find("PK\x06\x06") != std::string::npos);
  check_exact_size(format("zip"), z64);
  auto x = extract_with(format("zip"), Blob::from_string(z64));
  REQUIRE(x.sink.find("-") != nullptr);
  CHECK(x.sink.find("-")->text() == payload);

  // A stub before the zip, with offsets adjusted to count from the stub.
  write_tree(dir);
  std::string stub = "#!/bin/sh\necho self-extracting\nexit 0\n" + std::string(200, '#') + "\n";
  dir.write("sfx.zip", stub + info_zip(dir));
  REQUIRE(dir.run("zip -q -A sfx.zip"));
  std::string sfx = dir.read("sfx.zip");
  std::string zip_part = sfx.substr(stub.size());
  check_exact_size(format("zip"), zip_part);
  auto y = extract_with(format("zip"), Blob::from_string(zip_part));
  REQUIRE(y.extracted);
  REQUIRE(y.sink.find("tree/a.txt") != nullptr);
  CHECK(y.sink.find("tree/a.txt")->text() == "hello firmware\n");
}

TEST_CASE("zip: a truncated zip keeps the complete members and warns") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  std::string zip = info_zip(dir);
  std::string cut = zip.substr(0, zip.size() * 3 / 4);
  auto p = format("zip").probe(as_bytes(std::string_view(cut)));
  REQUIRE(p.ok());
  CHECK(*p == 0);  // only reading the members can tell
  auto x = extract_with(format("zip"), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  CHECK(x.consumed <= cut.size());
  std::size_t complete = 0;
  for (const auto& e : tree) {
    const Member* m = x.sink.find(e.path);
    if (m == nullptr || e.kind != unpack::EntryKind::kFile) continue;
    CHECK(e.content.starts_with(m->text()));
    complete += m->text() == e.content ? 1 : 0;
  }
  CHECK(complete >= 1);
}

TEST_CASE("zip: damaged and encrypted zips warn without crashing") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string zip = info_zip(dir);
  extract_flipped(format("zip"), zip, 64);
  extract_flipped(format("zip"), zip, 0, zip.size() - 200);  // the central directory and its end
  std::string enc = info_zip(dir, "-P secret");
  auto x = extract_with(format("zip"), Blob::from_string(enc));
  REQUIRE(x.extracted);
  CHECK(x.sink.find("tree/a.txt") == nullptr);
  bool said = false;
  for (const auto& w : x.sink.warnings) said = said || w.find("encrypted") != std::string::npos;
  CHECK(said);
}

TEST_CASE("zip: stray magic in random bytes is not a zip") {
  for (unsigned seed = 1; seed < 300; ++seed) {
    std::string junk = "PK\x03\x04" + noise(3000, seed);
    CHECK_FALSE(format("zip").probe(as_bytes(std::string_view(junk))).ok());
  }
  // A plausible local header with noise behind it is left to extraction,
  // which reads what it can and stays inside the data.
  std::string header("PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0x", 31);
  std::string stray = header + noise(100, 1);
  auto p = format("zip").probe(as_bytes(std::string_view(stray)));
  REQUIRE(p.ok());
  CHECK(*p == 0);
  auto x = extract_with(format("zip"), Blob::from_string(stray));
  CHECK(x.consumed <= stray.size());
  CHECK(!x.sink.warnings.empty());
}

}  // namespace
}  // namespace pedigree::test::archives
