#include <doctest/doctest.h>

#include "scanner/unpack/registry.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

const unpack::Format& elf() {
  const auto* f = unpack::find_format("elf");
  REQUIRE(f != nullptr);
  return *f;
}

// /bin/true with an initramfs, an xz blob and plain noise added as sections.
struct ElfFixture {
  test::ToolDir dir;
  ElfFixture() {
    dir.write("hello", "hello from the initramfs\n");
    dir.write("noise", test::noise_bytes(3000, 51));
    dir.write("image", test::noise_bytes(2000, 52));
    dir.write("blob", test::text_bytes(5000, "symbol"));
    REQUIRE(dir.run("echo hello | cpio -o -H newc | gzip -9 -n > rd.cpio.gz && xz -c blob > blob.xz"));
    REQUIRE(
        dir.run("objcopy --add-section .init.ramfs=rd.cpio.gz --add-section .foo=blob.xz "
                "--add-section .bar=noise --add-section .image=image /bin/true out.elf"));
  }
};

TEST_CASE("elf: payload sections come out as stored, named with their packing; other sections stay inside") {
  ElfFixture fx;
  std::string image = fx.dir.read("out.elf");
  auto x = test::extract_with(elf(), Blob::from_string(image + std::string(333, '\0')));
  REQUIRE(x.extracted);
  CHECK(x.consumed == image.size());
  REQUIRE(x.sink.members.size() == 3);
  const auto* ramfs = x.sink.find(".init.ramfs.gz");
  const auto* foo = x.sink.find(".foo.xz");
  const auto* raw = x.sink.find(".image");
  REQUIRE((ramfs != nullptr && foo != nullptr && raw != nullptr));
  CHECK(ramfs->text() == fx.dir.read("rd.cpio.gz"));
  CHECK(foo->text() == fx.dir.read("blob.xz"));
  CHECK(raw->text() == fx.dir.read("image"));
  CHECK(image.substr(raw->entry.offset, 2000) == fx.dir.read("image"));
  CHECK(x.sink.warnings.empty());
}

TEST_CASE("elf: an ordinary program is a leaf whose size is the whole file") {
  Blob bin = test::read_file("/bin/true");
  auto x = test::extract_with(elf(), bin);
  REQUIRE(x.extracted);
  CHECK(x.consumed == bin.size());
  CHECK(x.sink.members.empty());
}

TEST_CASE("elf: truncation, broken header fields and stray magics are rejected; damage is survived") {
  ElfFixture fx;
  std::string image = fx.dir.read("out.elf");
  auto cut = elf().probe(as_bytes(image).first(image.size() - 1));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == Errc::kTruncated);
  std::string bad_class = image;
  bad_class[4] = 3;
  CHECK_FALSE(elf().probe(as_bytes(bad_class)).ok());
  std::string bad_ehsize = image;
  bad_ehsize[52] = 63;  // e_ehsize of a 64-bit header
  CHECK_FALSE(elf().probe(as_bytes(bad_ehsize)).ok());
  std::string far_sections = image;
  far_sections[40 + 5] = 0x7f;  // e_shoff far past the end
  CHECK_FALSE(elf().probe(as_bytes(far_sections)).ok());
  CHECK_FALSE(elf()
                  .probe(as_bytes("\x7f"
                                  "ELF" +
                                  test::noise_bytes(400, 53)))
                  .ok());
  test::survive_damage(elf(), image, 127);
  // The header and both tables, byte by byte.
  for (std::size_t i = 0; i < 64; ++i) {
    std::string bad = image;
    bad[i] = static_cast<char>(~bad[i]);
    (void)test::extract_with(elf(), Blob::from_string(bad));
  }
}

}  // namespace
}  // namespace pedigree
