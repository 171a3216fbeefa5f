#include "scanner/fingerprint/elf/exported_version.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/unit/fingerprint/elf/byte_writer.h"
#include "tests/unit/fingerprint/rule_check.h"

namespace pedigree::fingerprint {
namespace {

using Writer = test::ByteWriter;

struct Object {
  std::string name;
  std::uint64_t value;
  std::uint32_t size = 4;
  std::uint8_t type = 1;  // STT_OBJECT
  std::uint16_t section = 3;
};

constexpr std::uint64_t kBase = 0x10000, kStrtab = 0x100, kRodata = 0x200, kSymtab = 0x300, kShdrs = 0x400;

/// A shared library of the given class and byte order: one PT_LOAD mapping the
/// file at kBase, and sections [1] .dynsym, [2] .dynstr, [3] .rodata holding
/// `objects` one after the other.
std::string library(bool is64, bool big, const std::vector<Object>& objects) {
  Writer w{std::string("\x7f"
                       "ELF",
                       4),
           big};
  w.put(4, is64 ? 2 : 1, 1);
  w.put(5, big ? 2 : 1, 1);
  w.put(6, 1, 1);
  w.put(16, 3, 2);  // ET_DYN
  w.put(20, 1, 4);
  int word = is64 ? 8 : 4;
  std::uint64_t ehsize = is64 ? 64 : 52, phentsize = is64 ? 56 : 32, shentsize = is64 ? 64 : 40;
  w.put(is64 ? 32 : 28, ehsize, word);  // e_phoff
  w.put(is64 ? 40 : 32, kShdrs, word);  // e_shoff
  std::uint64_t at = is64 ? 52 : 40;    // e_ehsize and the five fields after it
  for (std::uint64_t v : {ehsize, phentsize, std::uint64_t{1}, shentsize, std::uint64_t{4}, std::uint64_t{0}}) {
    w.put(at, v, 2);
    at += 2;
  }
  std::uint64_t size = kShdrs + 4 * shentsize;
  // PT_LOAD: the whole file at kBase.
  w.put(ehsize, 1, 4);
  w.put(ehsize + (is64 ? 8 : 4), 0, word);
  w.put(ehsize + (is64 ? 16 : 8), kBase, word);
  w.put(ehsize + (is64 ? 32 : 16), size, word);
  std::string names(1, '\0');
  std::uint64_t entsize = is64 ? 24 : 16;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const Object& o = objects[i];
    std::uint64_t sym = kSymtab + (i + 1) * entsize, addr = kBase + kRodata + 8 * i;
    w.put(sym, names.size(), 4);
    names += o.name + '\0';
    w.put(sym + (is64 ? 4 : 12), 0x10 | o.type, 1);  // STB_GLOBAL
    w.put(sym + (is64 ? 6 : 14), o.section, 2);
    w.put(sym + (is64 ? 8 : 4), addr, word);
    w.put(sym + (is64 ? 16 : 8), o.size, word);
    w.put(kRodata + 8 * i, o.value, static_cast<int>(o.size));
  }
  w.text(kStrtab, names);
  auto section = [&](int i, std::uint32_t type, std::uint64_t off, std::uint64_t len, std::uint32_t link,
                     std::uint64_t ent) {
    std::uint64_t sh = kShdrs + i * shentsize;
    w.put(sh + 4, type, 4);
    w.put(sh + (is64 ? 24 : 16), off, word);
    w.put(sh + (is64 ? 32 : 20), len, word);
    w.put(sh + (is64 ? 40 : 24), link, 4);
    w.put(sh + (is64 ? 56 : 36), ent, word);
  };
  section(1, 11, kSymtab, (objects.size() + 1) * entsize, 2, entsize);  // SHT_DYNSYM
  section(2, 3, kStrtab, names.size(), 0, 0);                           // SHT_STRTAB
  section(3, 1, kRodata, 8 * objects.size(), 0, 0);                     // SHT_PROGBITS
  w.bytes.resize(size, '\0');
  return w.bytes;
}

ByteView view(const std::string& s) { return as_bytes(s); }

constexpr const char* kLibnl = "nl_ver_maj.nl_ver_min.nl_ver_mic";

}  // namespace

TEST_CASE("libnl's version read from the integers it exports, in every class and byte order") {
  // libnl-3.so.200 keeps nl_ver_mic, nl_ver_min, nl_ver_maj and nl_ver_num in that order.
  std::vector<Object> libnl = {{"nl_ver_mic", 0}, {"nl_ver_min", 7}, {"nl_ver_maj", 3}, {"nl_ver_num", 0x030700}};
  for (bool is64 : {false, true}) {
    for (bool big : {false, true}) {
      CAPTURE(is64);
      CAPTURE(big);
      std::string lib = library(is64, big, libnl);
      CHECK(exported_version(kLibnl, view(lib)) == "3.7.0");
    }
  }
}

TEST_CASE("exported versions need defined data objects of an integer's size and a version's range") {
  auto version_of = [](std::vector<Object> objects) {
    std::string lib = library(false, false, objects);
    return exported_version(kLibnl, view(lib));
  };
  CHECK(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}, {"nl_ver_mic", 1, 1}}) == "3.7.1");
  CHECK(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}, {"nl_ver_mic", 1, 8}}) == "3.7.1");
  // A missing symbol, a function, an undefined import, an odd size, a value no version has.
  CHECK_FALSE(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}}).has_value());
  CHECK_FALSE(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}, {"nl_ver_mic", 0, 4, 2}}).has_value());
  CHECK_FALSE(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}, {"nl_ver_mic", 0, 4, 1, 0}}).has_value());
  CHECK_FALSE(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 7}, {"nl_ver_mic", 0, 3}}).has_value());
  CHECK_FALSE(version_of({{"nl_ver_maj", 3}, {"nl_ver_min", 70000}, {"nl_ver_mic", 0}}).has_value());
}

TEST_CASE("exported version specs and inputs that give nothing") {
  std::string lib = library(false, false, {{"a", 1}, {"b", 2}});
  CHECK(exported_version("a.b", view(lib)) == "1.2");
  CHECK_FALSE(exported_version("a", view(lib)).has_value());
  CHECK_FALSE(exported_version("a..b", view(lib)).has_value());
  CHECK_FALSE(exported_version("a.b.a.b.a", view(lib)).has_value());
  std::string not_elf = "not an elf file at all";
  CHECK_FALSE(exported_version("a.b", view(not_elf)).has_value());
  // Cut short: the symbols' bytes are gone.
  CHECK_FALSE(exported_version("a.b", view(lib.substr(0, kRodata + 2))).has_value());
}

TEST_CASE("the libnl rule reads the exported version in libnl-3.so only") {
  std::string lib = library(false, false,
                            {{"nl_ver_mic", 0},
                             {"nl_ver_min", 7},
                             {"nl_ver_maj", 3},
                             {"nl_ver_num", 0x030700},
                             {"nl_socket_alloc", 0, 4, 2}});
  auto own = testing::rule_hits_in(lib, "/usr/lib/mipsel-linux-gnu/libnl-3.so.200.26.0");
  CHECK_MESSAGE(testing::has_hit(own, "libnl", "3.7.0", ""), testing::describe(own));
  // libnl-genl-3.so imports the core library's symbols, it does not define them.
  auto genl = testing::rule_hits_in(lib, "/usr/lib/mipsel-linux-gnu/libnl-genl-3.so.200.26.0");
  CHECK_FALSE(testing::has_hit(genl, "libnl", "3.7.0", "*"));
}

}  // namespace pedigree::fingerprint
