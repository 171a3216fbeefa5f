// Inputs for the stream and text-firmware format tests: payloads that look
// like firmware, reproducible noise, and a scratch directory for fixtures made
// by the real command-line tools.
#pragma once

#include "tests/support/collecting_sink.h"
#include "tests/support/scratch_dir.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

namespace pedigree::test {

/// Reproducible pseudo-random bytes (splitmix64).
inline std::string noise(std::size_t n, std::uint64_t seed) {
  std::string out(n, '\0');
  std::uint64_t x = seed;
  for (std::size_t i = 0; i < n; i += 8) {
    x += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    for (std::size_t k = 0; k < 8 && i + k < n; ++k) out[i + k] = static_cast<char>(z >> (8 * k));
  }
  return out;
}

/// Compressible but varied bytes, like a binary with strings and tables.
inline std::string firmware_like(std::size_t n, std::uint64_t seed = 1) {
  using namespace std::literals;
  static constexpr std::string_view kWords[] = {"busybox "sv,
                                                "/etc/init.d/rcS "sv,
                                                "\x7f"
                                                "ELF\x01\x01\x01"sv,
                                                "libc.so.0 "sv,
                                                "dropbear_2019.78 "sv,
                                                "\0\0\0\0"sv,
                                                "root:x:0:0 "sv,
                                                "\xff\xff\xff\xff"sv};
  std::string r = noise(n / 4 + 16, seed);
  std::string out;
  out.reserve(n + 32);
  for (std::size_t i = 0; out.size() < n; ++i) {
    auto c = static_cast<std::uint8_t>(r[i % r.size()]);
    if (c < 160) {
      out += kWords[c % std::size(kWords)];
    } else {
      out += static_cast<char>(c ^ static_cast<std::uint8_t>(i));
    }
  }
  out.resize(n);
  return out;
}

/// A stream cut short keeps a non-empty, correct prefix of the payload and warns.
inline void check_cut_keeps_prefix(const unpack::Format& f, const Blob& cut, const std::string& payload) {
  auto x = extract_with(f, cut);
  REQUIRE(x.extracted);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(!x.sink.warnings.empty());
  const std::string out = x.sink.members[0].text();
  CHECK(!out.empty());
  CHECK(out.size() < payload.size());
  CHECK(payload.compare(0, out.size(), out) == 0);
}

/// A 1 MiB output budget stops a bomb at exactly 1 MiB, with a warning.
inline void check_budget_stops_bomb(const unpack::Format& f, const Blob& bomb) {
  CollectingSink sink;
  sink.budget_.max_bytes = 1 << 20;
  auto x = extract_with(f, bomb, sink);
  REQUIRE(x.sink.members.size() == 1);
  CHECK(x.sink.members[0].data.size() == (1 << 20));
  CHECK(!x.sink.warnings.empty());
}

/// A byte flipped at each offset makes extraction warn or fail, never crash.
inline void check_damage_survived(const unpack::Format& f, const std::string& stream,
                                  std::initializer_list<std::size_t> offsets) {
  for (std::size_t at : offsets) {
    std::string bad = stream;
    bad[at] = static_cast<char>(bad[at] ^ 0x55);
    auto x = extract_with(f, Blob::from_string(bad));
    CHECK((!x.extracted || !x.sink.warnings.empty()));
  }
}

}  // namespace pedigree::test
