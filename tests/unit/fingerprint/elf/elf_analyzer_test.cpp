#include "scanner/fingerprint/elf/elf_analyzer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/unit/fingerprint/elf/byte_writer.h"
#include "tests/unit/unpack/header_fixtures.h"

namespace pedigree {
namespace {

using fingerprint::analyze_elf;

using Writer = test::ByteWriter;

struct Segment {
  std::uint32_t type, flags;
  std::uint64_t offset, vaddr, filesz;
};

constexpr std::uint32_t kLoad = 1, kDynamic = 2, kInterp = 3, kStack = 0x6474e551, kRelro = 0x6474e552;
constexpr std::uint64_t kBase = 0x10000;

/// A 64-bit ELF of the given byte order with program headers only (no
/// section headers, as sstrip leaves them): the header, `segments`, then `tail`
/// at offset 0x200.
std::string elf64(bool big, std::uint16_t type, std::uint16_t machine, std::uint32_t flags,
                  const std::vector<Segment>& segments, const std::string& tail) {
  Writer w{std::string("\x7f"
                       "ELF\x02",
                       5),
           big};
  w.bytes += big ? '\x02' : '\x01';
  w.bytes += '\x01';
  w.put(16, type, 2);
  w.put(18, machine, 2);
  w.put(20, 1, 4);
  w.put(32, 64, 8);  // e_phoff
  w.put(48, flags, 4);
  w.put(52, 64, 2);  // e_ehsize
  w.put(54, 56, 2);  // e_phentsize
  w.put(56, segments.size(), 2);
  w.put(58, 64, 2);  // e_shentsize
  for (std::size_t i = 0; i < segments.size(); ++i) {
    std::uint64_t at = 64 + i * 56;
    const Segment& s = segments[i];
    w.put(at, s.type, 4);
    w.put(at + 4, s.flags, 4);
    w.put(at + 8, s.offset, 8);
    w.put(at + 16, s.vaddr, 8);
    w.put(at + 32, s.filesz, 8);
  }
  w.bytes.resize(0x200, '\0');
  w.bytes += tail;
  return w.bytes;
}

/// A dynamic table (tag, value pairs, 64-bit) followed by its string table.
std::string dynamic64(bool big, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& entries) {
  Writer w{{}, big};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    w.put(i * 16, entries[i].first, 8);
    w.put(i * 16 + 8, entries[i].second, 8);
  }
  w.put(entries.size() * 16, 0, 8);  // DT_NULL
  w.put(entries.size() * 16 + 8, 0, 8);
  return w.bytes;
}

const std::string kStrings = std::string("\0libc.so.6\0libfoo.so\0/opt/lib:/usr/lib\0", 40);

TEST_CASE("elf: a 64-bit big-endian MIPS PIE without section headers is read through PT_DYNAMIC") {
  // Tail layout: dynamic table at 0x200, strings right after it.
  const std::uint64_t dyn_at = 0x200, entries = 7, str_at = dyn_at + (entries + 1) * 16;
  std::string dyn = dynamic64(true, {{1, 1},                      // DT_NEEDED libc.so.6
                                     {1, 11},                     // DT_NEEDED libfoo.so
                                     {29, 21},                    // DT_RUNPATH
                                     {5, kBase + str_at},         // DT_STRTAB (an address)
                                     {10, kStrings.size()},       // DT_STRSZ
                                     {30, 0x8},                   // DT_FLAGS: BIND_NOW
                                     {0x6ffffffb, 0x08000001}});  // DT_FLAGS_1: PIE | NOW
  std::string tail = dyn + kStrings;
  std::uint64_t total = dyn_at + tail.size();
  std::string f = elf64(true, 3, 8, 0,
                        {{kLoad, 5, 0, kBase, total},
                         {kDynamic, 6, dyn_at, kBase + dyn_at, dyn.size()},
                         {kStack, 6, 0, 0, 0},
                         {kRelro, 4, dyn_at, kBase + dyn_at, dyn.size()}},
                        tail);
  auto b = analyze_elf(as_bytes(f));
  REQUIRE(b.has_value());
  CHECK(b->bits == 64);
  CHECK(b->endian == "big");
  CHECK(b->machine == "mips");
  CHECK(b->abi == "mips n64");
  CHECK(b->type == "dyn");
  CHECK(b->needed == std::vector<std::string>{"libc.so.6", "libfoo.so"});
  CHECK(b->runpath == std::vector<std::string>{"/opt/lib", "/usr/lib"});
  CHECK(b->pie == "yes");
  CHECK(b->relro == "full");
  CHECK(b->nx);
  CHECK(b->stripped);
  CHECK_FALSE(b->canary);
}

TEST_CASE("elf: an executable stack, no RELRO and a fixed address are all reported") {
  std::string f = elf64(false, 2, 62, 0, {{kStack, 7, 0, 0, 0}}, "");
  auto b = analyze_elf(as_bytes(f));
  REQUIRE(b.has_value());
  CHECK(b->machine == "x86_64");
  CHECK(b->endian == "little");
  CHECK_FALSE(b->nx);
  CHECK(b->pie == "no");
  CHECK(b->relro == "none");
  CHECK(b->needed.empty());
}

TEST_CASE("elf: bogus program headers read as nothing rather than past the end") {
  const std::uint64_t huge = 0xffffffffffff0000ULL;
  std::string f = elf64(false, 3, 40, 0x05000400,
                        {{kInterp, 4, huge, 0, 0x100000},  // loader path far outside the file
                         {kDynamic, 6, 0x1f0, 0, huge},    // table that runs past the end
                         {kLoad, 5, huge, kBase, huge}},   // a mapping no address falls in
                        std::string(64, '\x01'));
  auto b = analyze_elf(as_bytes(f));
  REQUIRE(b.has_value());
  CHECK(b->interpreter.empty());
  CHECK(b->needed.empty());
  CHECK(b->abi == "arm eabi5 hard-float");
  CHECK(b->pie == "dso");
  CHECK_FALSE(b->nx);  // no PT_GNU_STACK, as checksec reads it
}

TEST_CASE("elf: a dynamic table whose strings lie outside the file gives no names") {
  std::string dyn = dynamic64(false, {{1, 5}, {14, 9}, {5, 0xdead0000}, {10, 64}});
  std::string f = elf64(false, 3, 183, 0, {{kDynamic, 6, 0x200, kBase, dyn.size()}}, dyn);
  auto b = analyze_elf(as_bytes(f));
  REQUIRE(b.has_value());
  CHECK(b->abi == "aarch64 lp64");
  CHECK(b->needed.empty());
  CHECK(b->soname.empty());
}

TEST_CASE("elf: a truncated file or a non-ELF gives nothing") {
  Blob ls = test::read_file("/bin/ls");
  std::string whole(as_chars(ls.view()));
  REQUIRE(analyze_elf(ls.view()).has_value());
  for (std::size_t cut : {std::size_t{4}, std::size_t{40}, std::size_t{100}, whole.size() / 2}) {
    CAPTURE(cut);
    CHECK_FALSE(analyze_elf(as_bytes(std::string_view(whole).substr(0, cut))).has_value());
  }
  CHECK_FALSE(analyze_elf(as_bytes(std::string_view("MZ\x90\x00 not an elf at all"))).has_value());
}

TEST_CASE("elf: a native program's linking and hardening") {
  Blob ls = test::read_file("/bin/ls");
  auto b = analyze_elf(ls.view());
  REQUIRE(b.has_value());
  CHECK(b->machine == "x86_64");
  CHECK(b->interpreter == "/lib64/ld-linux-x86-64.so.2");
  CHECK(std::find(b->needed.begin(), b->needed.end(), "libc.so.6") != b->needed.end());
  CHECK(b->pie == "yes");
  CHECK(b->nx);
  CHECK(b->canary);
  CHECK(b->fortify);
  CHECK(b->fortified > 0);
  CHECK(b->fortifiable >= b->fortified);
  CHECK(b->relro != "none");
}

TEST_CASE("elf: MIPS and ARM ABIs from e_flags") {
  auto abi = [](std::uint16_t machine, std::uint32_t flags, bool big = false) {
    Writer w{std::string("\x7f"
                         "ELF\x01",
                         5),
             big};
    w.bytes += big ? '\x02' : '\x01';
    w.bytes += '\x01';
    w.put(16, 2, 2);
    w.put(18, machine, 2);
    w.put(20, 1, 4);
    w.put(36, flags, 4);
    w.put(40, 52, 2);
    w.bytes.resize(52, '\0');
    auto b = analyze_elf(as_bytes(w.bytes));
    return b ? b->abi : std::string("unreadable");
  };
  CHECK(abi(8, 0x70001007) == "mips o32");
  CHECK(abi(8, 0x70001407) == "mips o32 nan2008");
  CHECK(abi(8, 0x80000020, true) == "mips n32");
  CHECK(abi(40, 0x05000200) == "arm eabi5 soft-float");
  CHECK(abi(40, 0x00000002) == "arm oabi");
  CHECK(abi(3, 0).empty());
}

}  // namespace
}  // namespace pedigree
