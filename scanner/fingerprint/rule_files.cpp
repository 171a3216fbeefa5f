#include "scanner/fingerprint/rule_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <utility>

#include "scanner/core/hash.h"

// Generated from rules/components/*.yar by cmake/embed_files.cmake.
std::vector<std::pair<std::string_view, std::string_view>> pedigree_embedded_rule_files();

namespace pedigree::fingerprint {

std::vector<yara::RuleText> embedded_rule_files() {
  std::vector<yara::RuleText> out;
  for (auto [name, text] : pedigree_embedded_rule_files()) out.push_back({std::string(name), std::string(text)});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

Result<std::vector<yara::RuleText>> read_rule_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<yara::RuleText> out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".yar") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return make_error(Errc::kIo, "cannot read " + it->path().string());
    out.push_back({it->path().filename().string(), text.str()});
  }
  if (ec) return make_error(Errc::kIo, "cannot read rule directory " + dir + ": " + ec.message());
  if (out.empty()) return make_error(Errc::kIo, "no .yar files in " + dir);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::string rules_sha256(const std::vector<yara::RuleText>& files) {
  std::string all;
  for (const auto& f : files) {
    all += f.name;
    all += '\0';
    all += f.text;
    all += '\0';
  }
  return sha256_hex(as_bytes(all));
}

}  // namespace pedigree::fingerprint
