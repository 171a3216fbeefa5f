#include "scanner/db/nvd_feed.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>

#include "scanner/db/input_file.h"
#include "tests/unit/db/vuln_db_fixture.h"

namespace pedigree::db {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// What the tests look at, copied out of the callback (views die with it).
struct Seen {
  std::string summary, cvss3, cvss3_vector, severity, cvss2, cvss2_severity, cwes, modified;
  std::vector<std::pair<std::string, bool>> matches;
  std::vector<std::string> bounds;
  std::size_t references = 0;
};

Result<std::map<std::string, Seen>> parse(std::string json) {
  std::map<std::string, Seen> out;
  auto info = parse_nvd_feed(json, [&](const NvdRecord& r) -> Status {
    Seen& s = out[std::string(r.id)];
    s.summary = r.summary;
    s.cvss3 = r.cvss_v3.present() ? std::to_string(r.cvss_v3.score).substr(0, 3) : "";
    s.cvss3_vector = r.cvss_v3.vector;
    s.severity = r.cvss_v3.severity;
    s.cvss2 = r.cvss_v2.present() ? std::to_string(r.cvss_v2.score).substr(0, 3) : "";
    s.cvss2_severity = r.cvss_v2.severity;
    for (auto c : r.cwes) s.cwes += std::string(c) + " ";
    s.modified = r.last_modified;
    for (const auto& m : r.matches) {
      s.matches.emplace_back(std::string(m.criteria), m.vulnerable);
      s.bounds.push_back(std::string(m.start_including) + "|" + std::string(m.start_excluding) + "|" +
                         std::string(m.end_including) + "|" + std::string(m.end_excluding));
    }
    s.references = r.references;
    return Ok{};
  });
  if (!info) return info.error();
  CHECK(info->format == "NVD_CVE");
  CHECK(info->records == out.size());
  return out;
}

TEST_CASE("nvd feed: the fixture's records, metrics, weaknesses and configurations") {
  auto parsed = parse(slurp(test::db_fixture("nvdcve-2.0-fixture.json")));
  REQUIRE(parsed.ok());
  auto& recs = *parsed;
  REQUIRE(recs.size() == 3);
  std::string json = slurp(test::db_fixture("nvdcve-2.0-fixture.json"));
  auto info = parse_nvd_feed(json, [](const NvdRecord&) -> Status { return Ok{}; });
  REQUIRE(info.ok());
  CHECK(info->version == "2.0");
  CHECK(info->timestamp == "2025-03-20T03:00:01.123");

  const Seen& dnsmasq = recs["CVE-2020-25681"];
  CHECK(dnsmasq.summary.rfind("A flaw was found in dnsmasq before version 2.83.", 0) == 0);
  CHECK(dnsmasq.cvss3 == "8.1");
  CHECK(dnsmasq.severity == "HIGH");
  CHECK(dnsmasq.cvss2 == "6.8");
  CHECK(dnsmasq.cvss2_severity == "MEDIUM");  // v2 keeps baseSeverity outside cvssData
  CHECK(dnsmasq.cwes == "CWE-122 CWE-787 ");  // deduplicated across sources
  CHECK(dnsmasq.matches.size() == 3);
  CHECK(dnsmasq.bounds[0] == "|||2.83");
  CHECK(dnsmasq.references == 2);

  const Seen& curl = recs["CVE-2023-38545"];
  CHECK(curl.cvss3 == "9.8");  // NVD's Primary score, not the CNA's 7.5 listed first
  CHECK(curl.cvss3_vector == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  CHECK(curl.severity == "CRITICAL");
  CHECK(curl.cvss2.empty());
  REQUIRE(curl.matches.size() == 4);
  CHECK(curl.matches[0] == std::pair<std::string, bool>{"cpe:2.3:a:haxx:curl:*:*:*:*:*:*:*:*", true});
  CHECK(curl.bounds[0] == "7.69.0|||8.4.0");
  CHECK(curl.matches[3] == std::pair<std::string, bool>{"cpe:2.3:h:netapp:h300s:-:*:*:*:*:*:*:*", false});

  const Seen& terrapin = recs["CVE-2023-48795"];
  REQUIRE(terrapin.matches.size() == 5);
  CHECK(terrapin.bounds[1] == "||2022.83|");
  CHECK(terrapin.matches[4].second == false);  // under a negated node
  CHECK(terrapin.modified == "2025-02-18T18:15:12.567");
}

// Regression: the parser appends simdjson's padding; an input read with no
// spare capacity was reallocated and copied whole (a yearly feed is 100 MB).
TEST_CASE("nvd feed: an input file is read with room for the parser's padding") {
  auto in = read_input_file(test::db_fixture("nvdcve-2.0-fixture.json"));
  REQUIRE(in.ok());
  CHECK(in->bytes.capacity() >= in->bytes.size() + kInputPadding);
  const char* before = in->bytes.data();
  auto info = parse_nvd_feed(in->bytes, [](const NvdRecord&) -> Status { return Ok{}; });
  REQUIRE(info.ok());
  CHECK(in->bytes.data() == before);  // parsed in place
}

TEST_CASE("nvd feed: keys in any order, unknown keys skipped") {
  std::string json = R"({"vulnerabilities":[{"extra":{"a":[1,2]},"cve":{"configurations":[{"nodes":[{"cpeMatch":[
      {"criteria":"cpe:2.3:a:x:y:1.0:*:*:*:*:*:*:*","vulnerable":true}],"negate":true}]}],"id":"CVE-2024-0001"}}],
      "format":"NVD_CVE"})";
  auto parsed = parse(json);
  REQUIRE(parsed.ok());
  REQUIRE((*parsed)["CVE-2024-0001"].matches.size() == 1);
  CHECK((*parsed)["CVE-2024-0001"].matches[0].second == false);  // negate seen after cpeMatch
}

TEST_CASE("nvd feed: malformed input is an error naming the record") {
  std::string full = slurp(test::db_fixture("nvdcve-2.0-fixture.json"));
  SUBCASE("truncated") {
    auto r = parse(full.substr(0, full.size() * 2 / 3));
    REQUIRE_FALSE(r.ok());
  }
  SUBCASE("a record without its id") {
    auto r = parse(R"({"format":"NVD_CVE","vulnerabilities":[{"cve":{"id":"CVE-2024-1"}},{"cve":{"published":"x"}}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "record #2: no CVE id");
  }
  SUBCASE("a wrong type names the CVE") {
    auto r = parse(
        R"({"vulnerabilities":[{"cve":{"id":"CVE-2024-7","metrics":{"cvssMetricV31":[{"cvssData":{"baseScore":"high"}}]}}}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind("CVE-2024-7: ", 0) == 0);
  }
  SUBCASE("not an NVD feed") {
    auto r = parse(R"({"format":"OSV","vulnerabilities":[]})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("not NVD_CVE") != std::string::npos);
    CHECK_FALSE(parse(R"({"format":"NVD_CVE"})").ok());
    CHECK_FALSE(parse("[]").ok());
    CHECK_FALSE(parse("").ok());
  }
}

TEST_CASE("nvd feed: a sink error stops the parse") {
  std::string json = slurp(test::db_fixture("nvdcve-2.0-fixture.json"));
  int calls = 0;
  auto r = parse_nvd_feed(json, [&](const NvdRecord&) -> Status {
    ++calls;
    return make_error(Errc::kIo, "disk full");
  });
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "disk full");
  CHECK(calls == 1);
}

}  // namespace
}  // namespace pedigree::db
