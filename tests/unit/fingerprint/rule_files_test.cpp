#include "scanner/fingerprint/rule_files.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "scanner/fingerprint/component_rules_analyzer.h"
#include "scanner/fingerprint/lone_version.h"
#include "scanner/fingerprint/version_capture.h"

using namespace pedigree::fingerprint;

namespace {

/// name → "vendor:product" and purl name, from db/seed/components.csv.
std::map<std::string, std::pair<std::string, std::string>> seed_components() {
  std::ifstream in(PEDIGREE_SOURCE_DIR "/db/seed/components.csv");
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (f.size() >= 6) out[f[0]] = {f[1] + ":" + f[2], f[5]};
  }
  return out;
}

}  // namespace

TEST_CASE("the embedded rules compile without warnings") {
  auto rules = builtin_component_rules();
  REQUIRE(rules);
  for (const auto& w : rules->warnings()) FAIL_CHECK(w);
}

TEST_CASE("every rule names a canonical component with its CPE, purl and valid version specs") {
  auto seed = seed_components();
  REQUIRE(seed.size() > 100);
  std::set<std::string> covered;
  for (const auto& r : builtin_component_rules()->rules()) {
    CAPTURE(r.id);
    const auto& m = r.meta;
    if (m.empty()) continue;  // private helper rules
    REQUIRE(m.count("component"));
    auto it = seed.find(m.at("component"));
    REQUIRE(it != seed.end());
    CHECK(m.at("cpe") == it->second.first);
    CHECK(m.at("purl") == "pkg:generic/" + it->second.second);
    if (m.count("version")) CHECK(valid_capture_spec(m.at("version")));
    // A lone version is evidence only inside the library's own files.
    if (m.count("lone_version")) {
      CHECK(valid_lone_pattern(m.at("lone_version")));
      CHECK(m.count("files"));
      CHECK(m.count("verified"));
    }
    if (m.count("version_symbols")) {
      CHECK(m.count("files"));
      CHECK(m.count("verified"));
    }
    covered.insert(m.at("component"));
  }
  CHECK(covered.size() >= 110);
}

TEST_CASE("a compile error names the file and the line") {
  auto bad =
      yara::CompiledRules::compile({{"good.yar", "rule a { condition: true }"},
                                    {"bad.yar", "rule b {\n  strings:\n    $a = \"x\"\n  condition:\n    $z\n}"}});
  REQUIRE_FALSE(bad.ok());
  // libyara names the line where the parser noticed: the end of the condition.
  CHECK(bad.error().message == "bad.yar:6: undefined string \"$z\"");
}

TEST_CASE("the rules hash depends on every text and the order is fixed") {
  std::vector<yara::RuleText> a = {{"a.yar", "x"}, {"b.yar", "y"}};
  std::vector<yara::RuleText> b = {{"a.yar", "x"}, {"b.yar", "z"}};
  CHECK(rules_sha256(a) != rules_sha256(b));
  CHECK(rules_sha256(a).size() == 64);
  CHECK(rules_sha256() == rules_sha256(embedded_rule_files()));
}

TEST_CASE("the embedded rules are those of the source tree") {
  auto dir = read_rule_dir(PEDIGREE_SOURCE_DIR "/rules/components");
  REQUIRE(dir.ok());
  CHECK(rules_sha256(*dir) == rules_sha256());
}

TEST_CASE("the rules compiled at build time are the embedded texts") {
  auto built = builtin_component_rules();
  auto fresh = compiled_rule_texts();
  REQUIRE(built);
  REQUIRE(fresh);
  REQUIRE(built->rules().size() == fresh->rules().size());
  for (std::size_t i = 0; i < built->rules().size(); ++i) {
    CHECK(built->rules()[i].id == fresh->rules()[i].id);
    CHECK(built->rules()[i].meta == fresh->rules()[i].meta);
  }
}

TEST_CASE("compiled rules that libyara cannot read are an error, not a crash") {
  std::string junk = "YARA not really";
  CHECK_FALSE(yara::CompiledRules::load(pedigree::as_bytes(junk)).ok());
  CHECK_FALSE(yara::CompiledRules::load({}).ok());
}
