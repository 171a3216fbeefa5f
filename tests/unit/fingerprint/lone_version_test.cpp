#include "scanner/fingerprint/lone_version.h"

#include <doctest/doctest.h>

#include <string>

using namespace std::string_literals;
using pedigree::fingerprint::lone_version;
using pedigree::fingerprint::valid_lone_pattern;

TEST_CASE("a lone version of the series is read from the whole file") {
  // gmp_version in libgmp.so.10 (arm64): table bytes before it, padding after.
  std::string gmp =
      "Q{\x9d\x07\x89s\x95?A\xeb\r\xf7y\xe3\x05/1[}\xe7iSu\x1f!\xcb\xed\xd7Y\xc3\xe5\x0f\x11;]"
      "\xc7I3U\xff"
      "6.2.1\0\0\0\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0000123456789ABCDEF"s;
  std::size_t at = 0;
  CHECK(lone_version("6.*.*", gmp, &at) == "6.2.1");
  CHECK(gmp.substr(at, 5) == "6.2.1");
  // The same string repeated is still one version.
  CHECK(lone_version("6.*.*", gmp + gmp) == "6.2.1");
  // A literal field must be what the file holds.
  CHECK_FALSE(lone_version("6.3.*", gmp).has_value());
}

TEST_CASE("candidates that differ give no version") {
  CHECK_FALSE(lone_version("1.*.*", "\0001.52.0\0x\0001.51.1\0"s).has_value());
  CHECK(lone_version("1.*.*", "\0001.52.0\0x\0001.52.0\0"s) == "1.52.0");
}

TEST_CASE("alternatives name several series, whose candidates must agree") {
  CHECK(lone_version("5.* || 6.*", "\0005.19\0"s) == "5.19");
  CHECK(lone_version("5.* || 6.*", "\0006.9\0"s) == "6.9");
  CHECK_FALSE(lone_version("5.* || 6.*", "\0005.19\0\0006.9\0"s).has_value());
  CHECK(valid_lone_pattern("5.* || 6.*"));
  CHECK_FALSE(valid_lone_pattern("5.* || 6"));
}

TEST_CASE("a candidate is bounded on both sides") {
  // Inside a longer number, a name or a version, or without its NUL: no candidate.
  CHECK_FALSE(lone_version("6.*.*", "\00016.2.1\0"s).has_value());
  CHECK_FALSE(lone_version("6.*.*", "v6.2.1\0"s).has_value());
  CHECK_FALSE(lone_version("6.*.*", "libfoo-6.2.1\0"s).has_value());
  CHECK_FALSE(lone_version("6.*.*", "\0006.2.1.4\0"s).has_value());
  CHECK_FALSE(lone_version("6.*.*", "\0006.2.1-1+b1\0"s).has_value());
  CHECK_FALSE(lone_version("6.*.*", "\0006.2\0"s).has_value());
  CHECK_FALSE(lone_version("2.*", "\0002.1234\0"s).has_value());
  // At the very start of the data, a candidate is bounded by nothing before it.
  CHECK(lone_version("2.*", "2.14\0"s) == "2.14");
  // The Debian build string of libidn2 next to its version is not a candidate.
  CHECK(lone_version("2.*.*", "\0002.3.3\0\0\0\0002.3.3-1+b1\0"s) == "2.3.3");
}

TEST_CASE("a pattern with a tail reads the version before that text") {
  // pcre_version(): "8.39 2016-06-14"
  std::string pcre = "\xff\xff\xff\xff\0\0\0\0008.39 2016-06-14\0\x0c\0"s;
  CHECK(lone_version("8.* 20", pcre) == "8.39");
  CHECK_FALSE(lone_version("8.*", pcre).has_value());
  CHECK_FALSE(lone_version("8.* 19", pcre).has_value());
}

TEST_CASE("lone version patterns are checked") {
  CHECK(valid_lone_pattern("6.*.*"));
  CHECK(valid_lone_pattern("2.*"));
  CHECK(valid_lone_pattern("8.* 20"));
  CHECK(valid_lone_pattern("0.9.*"));
  CHECK_FALSE(valid_lone_pattern(""));
  CHECK_FALSE(valid_lone_pattern("6"));     // a bare number
  CHECK_FALSE(valid_lone_pattern("*.*"));   // no major release to anchor on
  CHECK_FALSE(valid_lone_pattern("6.x"));   // not a field
  CHECK_FALSE(valid_lone_pattern("6.*."));  // an empty field
  CHECK_FALSE(valid_lone_pattern("8.* "));  // a space without text
  CHECK_FALSE(lone_version("6", "\0006\0"s).has_value());
}
