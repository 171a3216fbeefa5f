#include "tests/unit/unpack/archive_fixture.h"

namespace pedigree::test::archives {
namespace {

// Plain members with their real modes ('U'), as stored basenames.
std::string plain_ar(const ScratchDir& dir) {
  REQUIRE(dir.run("rm -f out.a && cd src/tree && ar rcU ../../out.a a.txt bin/su etc.conf empty"));
  return dir.read("out.a");
}

TEST_CASE("ar: extracts members with their bytes and modes") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  auto tree = write_tree(dir);
  Blob blob = Blob::from_string(plain_ar(dir));
  auto x = extract_with(format("ar"), blob);
  REQUIRE(x.extracted);
  CHECK(x.consumed == blob.size());
  CHECK(x.sink.warnings.empty());
  REQUIRE(x.sink.members.size() == 4);
  for (const auto& [name, path] : {std::pair{"a.txt", "tree/a.txt"}, std::pair{"su", "tree/bin/su"},
                                   std::pair{"etc.conf", "tree/etc.conf"}, std::pair{"empty", "tree/empty"}}) {
    CAPTURE(name);
    const Member* m = x.sink.find(name);
    REQUIRE(m != nullptr);
    auto e = std::find_if(tree.begin(), tree.end(), [&](const Expected& t) { return t.path == path; });
    CHECK(m->entry.kind == unpack::EntryKind::kFile);
    CHECK(m->entry.mode == e->mode);
    CHECK(m->text() == e->content);
  }
  const Member* su = x.sink.find("su");
  REQUIRE(su->entry.offset != unpack::kNoOffset);
  CHECK(su->data.data() == blob.data() + su->entry.offset);
}

TEST_CASE("ar: static libraries keep long names and drop the symbol table") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  std::string long_name = "a_rather_long_object_file_name_for_the_table";
  dir.write(long_name + ".c", "int pedigree_long_symbol(void) { return 1; }\n");
  dir.write("s.c", "int pedigree_short_symbol(void) { return 2; }\n");
  REQUIRE(dir.run("cc -c " + long_name + ".c s.c && ar rcs lib.a " + long_name + ".o s.o"));
  std::string lib = dir.read("lib.a");
  REQUIRE(lib.find("//" + std::string(14, ' ')) != std::string::npos);  // the GNU long-name table
  check_exact_size(format("ar"), lib);
  auto x = extract_with(format("ar"), Blob::from_string(lib));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 2);
  REQUIRE(x.sink.find(long_name + ".o") != nullptr);
  CHECK(x.sink.find(long_name + ".o")->text() == dir.read(long_name + ".o"));
  CHECK(x.sink.find("s.o")->text() == dir.read("s.o"));
}

TEST_CASE("ar: Debian packages are ar archives") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  dir.write("pkg/DEBIAN/control",
            "Package: pedigree-test\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <t@example.org>\n"
            "Description: test package\n");
  dir.write("pkg/usr/share/doc/pedigree-test/README", "readme\n");
  REQUIRE(dir.run("dpkg-deb -Zxz --root-owner-group --build pkg out.deb"));
  std::string deb = dir.read("out.deb");
  check_exact_size(format("ar"), deb);
  auto x = extract_with(format("ar"), Blob::from_string(deb));
  REQUIRE(x.extracted);
  REQUIRE(x.sink.find("debian-binary") != nullptr);
  CHECK(x.sink.find("debian-binary")->text() == "2.0\n");
  CHECK(x.sink.find("control.tar.xz") != nullptr);
  CHECK(x.sink.find("data.tar.xz") != nullptr);
}

TEST_CASE("ar: reports its exact size with data before and after it") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string ar = plain_ar(dir);
  check_exact_size(format("ar"), ar);
  // An odd-sized last member without its pad byte.
  REQUIRE(dir.run("printf abc > odd && ar rc odd.a odd"));
  std::string odd = dir.read("odd.a");
  CHECK(odd.size() % 2 == 0);
  check_exact_size(format("ar"), odd);
  auto p = format("ar").probe(as_bytes(std::string_view(odd).substr(0, odd.size() - 1)));
  REQUIRE(p.ok());
  CHECK(*p == odd.size() - 1);
}

TEST_CASE("ar: a truncated archive keeps the complete members and warns") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string ar = plain_ar(dir);
  std::size_t su_at = ar.find(noise(64, 1));
  REQUIRE(su_at != std::string::npos);
  std::string cut = ar.substr(0, su_at + 5000);
  auto x = extract_with(format("ar"), Blob::from_string(cut));
  REQUIRE(x.extracted);
  CHECK(!x.sink.warnings.empty());
  REQUIRE(x.sink.find("a.txt") != nullptr);
  CHECK(x.sink.find("a.txt")->text() == "hello firmware\n");
  if (const Member* su = x.sink.find("su")) CHECK(su->data.size() <= 5000);
}

TEST_CASE("ar: damaged archives and stray magic") {
  ScratchDir dir;
  REQUIRE(dir.ok());
  write_tree(dir);
  std::string ar = plain_ar(dir);
  std::string bad = ar;
  bad[8 + 58] = 'X';  // the first member's terminator
  CHECK_FALSE(format("ar").probe(as_bytes(std::string_view(bad))).ok());
  extract_flipped(format("ar"), ar, 64);
  for (unsigned seed = 1; seed < 100; ++seed) {
    std::string junk = "!<arch>\n" + noise(200, seed);
    CHECK_FALSE(format("ar").probe(as_bytes(std::string_view(junk))).ok());
  }
}

}  // namespace
}  // namespace pedigree::test::archives
