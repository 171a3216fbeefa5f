#include "scanner/fingerprint/chipset/kernel_config.h"

#include "scanner/db/gunzip.h"
#include "scanner/fingerprint/text_scan.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kStart = "IKCFG_ST";
constexpr std::string_view kEnd = "IKCFG_ED";
constexpr std::string_view kPrefix = "CONFIG_";
/// A kernel holds its configuration once; more markers are data, not blobs.
constexpr std::size_t kMaxBlobs = 4;
/// Bytes at the start of a file in which the .config header is looked for.
constexpr std::size_t kHeaderWindow = 256;

bool is_symbol_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'a' && c <= 'z');
}

}  // namespace

std::vector<report::ChipsetEvidence> config_symbols(std::string_view text) {
  std::vector<report::ChipsetEvidence> out;
  std::size_t pos = 0;
  while (pos < text.size() && out.size() < kMaxConfigSymbols) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.rfind(kPrefix, 0) == 0) {
      std::size_t end = kPrefix.size();
      while (end < line.size() && is_symbol_char(line[end])) ++end;
      std::string_view value = line.substr(end);
      if (end > kPrefix.size() && (value == "=y" || value == "=m")) {
        report::ChipsetEvidence e;
        e.kind = "kconfig";
        e.value = std::string(line.substr(0, end));
        e.offset = pos;
        out.push_back(std::move(e));
      }
    }
    pos = eol + 1;
  }
  return out;
}

std::vector<report::ChipsetEvidence> ikconfig_symbols(ByteView data) {
  std::vector<report::ChipsetEvidence> out;
  std::string_view text = as_chars(data);
  for (std::size_t start : find_all(text, kStart, kMaxBlobs)) {
    std::size_t body = start + kStart.size();
    std::size_t end = text.find(kEnd, body);
    if (end == std::string_view::npos) continue;
    auto config = db::gunzip(text.substr(body, end - body), kMaxKernelConfig);
    if (!config) continue;
    for (auto& e : config_symbols(*config)) {
      e.offset = start;
      out.push_back(std::move(e));
    }
  }
  return out;
}

bool is_kernel_config_text(std::string_view text) {
  // Every .config that Kconfig writes starts with this header.
  std::string_view head = text.substr(0, kHeaderWindow);
  return head.rfind("#\n# Automatically generated file; DO NOT EDIT.\n", 0) == 0 &&
         head.find(" Linux/") != std::string_view::npos;
}

void KernelConfigAnalyzer::analyze(const FileRef& file, Facts& out) const {
  auto found =
      is_kernel_config_text(as_chars(file.data)) ? config_symbols(as_chars(file.data)) : ikconfig_symbols(file.data);
  for (auto& e : found) {
    e.origin = file.origin;
    out.chipset_evidence.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
