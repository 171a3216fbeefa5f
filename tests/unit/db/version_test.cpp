#include "scanner/db/version.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

namespace pedigree::db {
namespace {

struct Ordered {
  std::string_view lower, higher;
};

// Each pair is checked both ways: lower < higher and higher > lower.
constexpr Ordered kOrdered[] = {
    // OpenSSL: letters after the release, a..z then za, zb...
    {"1.0.2", "1.0.2a"},
    {"1.0.2a", "1.0.2k"},
    {"1.0.2k", "1.0.2u"},
    {"1.0.2k", "1.0.2za"},
    {"1.0.2z", "1.0.2za"},
    {"1.0.2za", "1.0.2zb"},
    {"1.0.2zh", "1.0.2zi"},
    {"0.9.8zh", "1.0.0"},
    {"1.0.1p", "1.0.1q"},
    {"1.0.2zk", "1.1.0"},
    {"1.1.1t", "1.1.1w"},
    {"1.1.1w", "3.0.0"},
    {"3.0.2", "3.0.11"},
    {"3.0.11", "3.0.13"},
    {"3.0.0-alpha1", "3.0.0-beta1"},
    {"3.0.0-beta2", "3.0.0"},
    {"3.0.0", "3.0.1"},
    // OpenSSH patch levels.
    {"9.3", "9.3p1"},
    {"9.3p1", "9.3p2"},
    {"9.3p2", "9.4"},
    {"8.9p1", "8.10p1"},
    {"7.4p1", "9.6p1"},
    // dropbear: dates.
    {"2020.81", "2022.83"},
    {"2019.78", "2020.79"},
    {"2022.82", "2022.83"},
    {"2022.83", "2024.84"},
    {"0.53.1", "2011.54"},
    // busybox
    {"1.35.0", "1.36.0"},
    {"1.36.0", "1.36.1"},
    {"1.9.2", "1.10.0"},
    // curl, also with underscores as in its tags
    {"7.88.1", "8.4.0"},
    {"7_88_1", "8_4_0"},
    {"7.69.0", "7.69.1"},
    {"8.0.0", "8.0.1"},
    // dnsmasq
    {"2.82", "2.83"},
    {"2.86rc3", "2.86"},
    {"2.90test3", "2.90"},
    {"2.89", "2.90"},
    // glibc
    {"2.31", "2.36"},
    {"2.36", "2.37"},
    {"2.9", "2.10"},
    // linux
    {"5.10", "5.10.1"},
    {"5.10.199", "5.10.200"},
    {"4.19.325", "5.4.0"},
    {"6.1.0-rc7", "6.1"},
    // uclibc-ng
    {"1.0.44", "1.0.45"},
    // sqlite
    {"3.39.4", "3.40.1"},
    {"3.40.0", "3.40.1"},
    // pre-release order
    {"1.2.0-rc1", "1.2.0"},
    {"1.2.0-rc1", "1.2.0-rc2"},
    {"1.2.0-beta3", "1.2.0-rc1"},
    {"1.2.0-alpha", "1.2.0-beta"},
    {"1.2.0-dev", "1.2.0-alpha1"},
    {"1.2.0-pre1", "1.2.0-rc1"},
    {"2.0b1", "2.0"},
    {"2.0a2", "2.0b1"},
    {"1.2", "1.2.0.1"},
    {"1.2.0-rc1", "1.2.1"},
    // Debian tilde sorts before everything
    {"1.0~rc1", "1.0"},
    {"1.0~rc1", "1.0~rc2"},
    // leading zeros and long numbers
    {"1.02", "1.3"},
    {"20220101", "20230101"},
    {"99999999999999999999", "100000000000000000000"},
};

constexpr std::string_view kEqual[][2] = {
    {"5.10.0", "5.10"},       {"5.10", "5.10.0.0"}, {"1_2_3", "1.2.3"}, {"v1.2.3", "1.2.3"},
    {"1.0.2K", "1.0.2k"},     {"1.01", "1.1"},      {"9.3P1", "9.3p1"}, {"1.2.3-rc1", "1.2.3rc1"},
    {"2022.83", "2022.83.0"}, {"3.40.1", "3.40.1"}, {"", ""},           {"1.0-beta", "1.0beta"},
};

TEST_CASE("version comparator: real-world orderings") {
  for (const auto& o : kOrdered) {
    CAPTURE(o.lower);
    CAPTURE(o.higher);
    CHECK(compare_versions(o.lower, o.higher) < 0);
    CHECK(compare_versions(o.higher, o.lower) > 0);
    CHECK(compare_versions(o.lower, o.lower) == 0);
  }
}

TEST_CASE("version comparator: equal spellings") {
  for (const auto& e : kEqual) {
    CAPTURE(e[0]);
    CAPTURE(e[1]);
    CHECK(compare_versions(e[0], e[1]) == 0);
    CHECK(compare_versions(e[1], e[0]) == 0);
  }
}

TEST_CASE("version sort key: never out of order with the comparator") {
  for (const auto& o : kOrdered) {
    CAPTURE(o.lower);
    CAPTURE(o.higher);
    CHECK(version_sort_key(o.lower) <= version_sort_key(o.higher));
  }
  for (const auto& e : kEqual) {
    CAPTURE(e[0]);
    CHECK(version_sort_key(e[0]) == version_sort_key(e[1]));
  }
  CHECK(version_sort_key("5.10.199") == "000005000010000199000000");
  CHECK(version_sort_key("1.0.2za") == "000001000000000002000000");
  CHECK(version_sort_key("20220101.1") == "999999000001000000000000");
  CHECK(version_sort_key("9.9.9.9.9") < std::string(kVersionKeyMax));
  // Every pair drawn from the table, both ways.
  std::vector<std::string_view> all;
  for (const auto& o : kOrdered) all.insert(all.end(), {o.lower, o.higher});
  for (auto a : all)
    for (auto b : all)
      if (compare_versions(a, b) <= 0) CHECK(version_sort_key(a) <= version_sort_key(b));
}

TEST_CASE("version comparator: package versions split into epoch, upstream, revision") {
  struct Case {
    std::string_view in, epoch, upstream, revision;
  };
  constexpr Case kCases[] = {
      {"1:1.35.0-4+deb12u1", "1", "1.35.0", "4+deb12u1"},
      {"3.0.11-1~deb12u2", "", "3.0.11", "1~deb12u2"},
      {"1:9.2p1-2+deb12u3", "1", "9.2p1", "2+deb12u3"},
      {"2022.83-1+deb12u1", "", "2022.83", "1+deb12u1"},
      {"2.36-9+deb12u4", "", "2.36", "9+deb12u4"},
      {"1.36.1-1", "", "1.36.1", "1"},
      {"7.81.0-1ubuntu1.15", "", "7.81.0", "1ubuntu1.15"},
      {"1.2.0-rc1", "", "1.2.0-rc1", ""},
      {"3.0.0-beta2", "", "3.0.0-beta2", ""},
      {"2023-01-15", "", "2023-01-15", ""},
      {"1.0.2k", "", "1.0.2k", ""},
      {"2:8.2.3995-1", "2", "8.2.3995", "1"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.in);
    PackageVersion v = split_package_version(c.in);
    CHECK(v.epoch == c.epoch);
    CHECK(v.upstream == c.upstream);
    CHECK(v.revision == c.revision);
    CHECK(has_distro_revision(c.in) == !c.revision.empty());
  }
}

}  // namespace
}  // namespace pedigree::db
