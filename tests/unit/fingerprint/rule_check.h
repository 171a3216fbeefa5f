// CHECK_RULE_MATCHES(component, version, blob): the built-in rules, run over
// `blob` as a file named "/usr/bin/prog", report `component` at `version`
// (with whatever relation: rule_hits_test.cpp checks those).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scanner/fingerprint/component_rules_analyzer.h"

namespace pedigree::fingerprint::testing {

/// A minimal ELF-looking file: the magic, padding, then the strings.
inline std::string elf_blob(const std::string& strings) {
  return std::string(
             "\x7f"
             "ELF",
             4) +
         std::string(60, '\0') + strings;
}

inline std::vector<ComponentHit> rule_hits_in(const std::string& bytes, const std::string& path = "/usr/bin/prog") {
  ComponentRulesAnalyzer analyzer(builtin_component_rules());
  FileRef file{"image.bin → " + path, path, "squashfs", 0, 1, as_bytes(bytes)};
  Facts facts;
  analyzer.analyze(file, facts);
  return facts.components;
}

inline bool has_hit(const std::vector<ComponentHit>& hits, const std::string& name, const std::string& version,
                    const std::string& relation = "") {
  for (const auto& h : hits)
    if (h.name == name && h.version == version && (relation == "*" || h.relation == relation)) return true;
  return false;
}

inline std::string describe(const std::vector<ComponentHit>& hits) {
  std::string out;
  for (const auto& h : hits) out += h.name + "@" + h.version + "[" + h.relation + "] ";
  return out;
}

}  // namespace pedigree::fingerprint::testing

#define CHECK_RULE_MATCHES(component, version, blob)                                         \
  do {                                                                                       \
    auto hits_ = ::pedigree::fingerprint::testing::rule_hits_in(blob);                       \
    CHECK_MESSAGE(::pedigree::fingerprint::testing::has_hit(hits_, component, version, "*"), \
                  "got: " << ::pedigree::fingerprint::testing::describe(hits_));             \
  } while (0)
