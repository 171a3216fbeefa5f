// Runs one analyzer over one in-memory file, as the fingerprint visitor would.
#pragma once

#include <string>
#include <string_view>

#include "scanner/fingerprint/analyzer.h"
#include "scanner/fingerprint/merge_components.h"
#include "scanner/fingerprint/naming/name_components.h"
#include "scanner/fingerprint/naming/seed_catalog.h"

namespace pedigree::fingerprint::test {

inline Facts analyze_text(const Analyzer& a, std::string path, std::string_view text) {
  FileRef f;
  f.origin = "image.bin → " + path;
  f.path = std::move(path);
  f.data = as_bytes(text);
  Facts out;
  a.analyze(f, out);
  out.sort();
  return out;
}

/// What the report would list for the file: merged and named components.
inline std::vector<report::Component> components_of(const Analyzer& a, std::string path, std::string_view text) {
  auto comps = merge_components(analyze_text(a, std::move(path), text).components);
  name_components(comps, seed_catalog());
  return comps;
}

inline const report::Component* find(const std::vector<report::Component>& cs, std::string_view name) {
  for (const auto& c : cs) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace pedigree::fingerprint::test
