#include "scanner/fingerprint/rule_hits.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "scanner/fingerprint/elf/exported_version.h"
#include "scanner/fingerprint/lone_version.h"
#include "scanner/fingerprint/version_capture.h"

namespace pedigree::fingerprint {

namespace {

const std::string& meta(const yara::RuleInfo& r, const std::string& key) {
  static const std::string kEmpty;
  auto it = r.meta.find(key);
  return it == r.meta.end() ? kEmpty : it->second;
}

bool is_elf(ByteView data) {
  return data.size() >= 4 && data[0] == 0x7f && data[1] == 'E' && data[2] == 'L' && data[3] == 'F';
}

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// True when `name` starts with one of the comma-separated prefixes.
bool is_own_file(std::string_view name, std::string_view prefixes) {
  while (!prefixes.empty()) {
    auto comma = prefixes.find(',');
    std::string_view p = prefixes.substr(0, comma);
    while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
    if (!p.empty() && name.starts_with(p)) return true;
    if (comma == std::string_view::npos) break;
    prefixes.remove_prefix(comma + 1);
  }
  return false;
}

/// Bytes from `offset` to the end of their C string, at most kVersionWindow.
std::string_view window_at(ByteView data, std::uint64_t offset, std::uint32_t length) {
  if (offset >= data.size()) return {};
  std::string_view all = as_chars(data);
  std::size_t end = std::min<std::size_t>(data.size(), offset + std::max<std::size_t>(kVersionWindow, length));
  std::size_t nul = all.find('\0', offset + length);
  if (nul != std::string_view::npos && nul < end) end = nul;
  return all.substr(offset, end - offset);
}

std::string printable(std::string_view bytes) {
  std::string out;
  for (char c : bytes.substr(0, kMaxEvidenceText)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '.';
  }
  return out;
}

struct Sighting {
  std::string version;
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  std::string text;  // evidence text when not the bytes at offset
};

std::vector<Sighting> sightings(const yara::RuleInfo& rule, const yara::RuleMatch& m, ByteView data) {
  const std::string& spec = meta(rule, "version");
  bool has_v =
      std::any_of(m.strings.begin(), m.strings.end(), [](const auto& s) { return s.identifier.starts_with("$v"); });
  std::vector<Sighting> out;
  std::set<std::string> seen;
  for (const auto& s : m.strings) {
    if (spec.empty() || (has_v && !s.identifier.starts_with("$v"))) continue;
    auto v = capture_version(spec, window_at(data, s.offset, s.length));
    if (!v || !seen.insert(*v).second) continue;
    out.push_back({*v, s.offset, s.length, ""});
    if (out.size() >= kMaxVersionsPerRule) break;
  }
  if (out.empty() && !m.strings.empty()) out.push_back({"", m.strings.front().offset, m.strings.front().length, ""});
  return out;
}

/// The version the rule's `lone_version` or `version_symbols` reads from the
/// whole of `file`, which must be one of the rule's own files (lone_version.h
/// and elf/exported_version.h say why).
std::vector<Sighting> file_sightings(const yara::RuleInfo& rule, const FileRef& file) {
  const std::string& pattern = meta(rule, "lone_version");
  const std::string& symbols = meta(rule, "version_symbols");
  const std::string& files = meta(rule, "files");
  if ((pattern.empty() && symbols.empty()) || files.empty() || !is_own_file(base_name(file.path), files)) return {};
  if (!pattern.empty()) {
    std::size_t offset = 0;
    if (auto v = lone_version(pattern, as_chars(file.data), &offset))
      return {{*v, offset, static_cast<std::uint32_t>(v->size()), ""}};
  }
  if (!symbols.empty()) {
    if (auto v = exported_version(symbols, file.data)) return {{*v, 0, 0, symbols + " = " + *v}};
  }
  return {};
}

std::string relation_of(const yara::RuleInfo& rule, bool own_code_seen, const FileRef& file) {
  const std::string& files = meta(rule, "files");
  if (files.empty() || !is_elf(file.data) || is_own_file(base_name(file.path), files)) return "";
  if (meta(rule, "relation") == "built-against" && !own_code_seen) return "built-against";
  return "statically-linked";
}

}  // namespace

std::vector<ComponentHit> rule_hits(const std::vector<yara::RuleInfo>& rules,
                                    const std::vector<yara::RuleMatch>& matches, const FileRef& file) {
  std::set<std::string> code_seen;  // components whose own code matched
  for (const auto& m : matches) {
    if (m.rule < rules.size() && meta(rules[m.rule], "role") == "code")
      code_seen.insert(meta(rules[m.rule], "component"));
  }
  std::vector<ComponentHit> hits;
  for (const auto& m : matches) {
    if (m.rule >= rules.size()) continue;
    const auto& rule = rules[m.rule];
    const std::string& component = meta(rule, "component");
    if (component.empty()) continue;
    if (meta(rule, "scope") == "own-files" && !is_own_file(base_name(file.path), meta(rule, "files"))) continue;
    std::string relation = relation_of(rule, code_seen.count(component) > 0, file);
    auto found = file_sightings(rule, file);
    if (found.empty()) found = sightings(rule, m, file.data);
    for (auto& s : found) {
      ComponentHit h;
      h.name = component;
      h.version = s.version;
      h.relation = relation;
      h.evidence = {"binary",
                    rule.id,
                    file.origin,
                    s.offset,
                    s.text.empty() ? printable(window_at(file.data, s.offset, s.length)) : s.text,
                    s.version};
      hits.push_back(std::move(h));
    }
  }
  // A sighting without a version adds nothing next to one with a version.
  std::set<std::pair<std::string, std::string>> versioned;
  for (const auto& h : hits)
    if (!h.version.empty()) versioned.insert({h.name, h.relation});
  std::erase_if(hits, [&](const ComponentHit& h) {
    return h.version.empty() && versioned.count({h.name, h.relation});
  });
  return hits;
}

}  // namespace pedigree::fingerprint
