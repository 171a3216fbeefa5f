#include "scanner/fingerprint/chipset/dtb_evidence.h"

#include <libfdt.h>

#include <algorithm>
#include <set>
#include <string>

#include "scanner/fingerprint/text_scan.h"
#include "scanner/unpack/formats/fdt_tree.h"

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kFdtMagic = "\xd0\x0d\xfe\xed";
/// Longest compatible or model string kept; real ones are well under this.
constexpr std::size_t kMaxValue = 128;

bool plausible(std::string_view s) {
  return !s.empty() && s.size() <= kMaxValue && std::all_of(s.begin(), s.end(), [](char c) { return is_printable(c); });
}

void add(std::vector<report::ChipsetEvidence>& out, const char* kind, std::string_view value, std::uint64_t offset) {
  if (!plausible(value)) return;
  report::ChipsetEvidence e;
  e.kind = kind;
  e.value = std::string(value);
  e.offset = offset;
  out.push_back(std::move(e));
}

/// Each string of a compatible list, and its vendor prefix once per tree.
void add_compatibles(std::vector<report::ChipsetEvidence>& out, const unpack::FdtTree& tree, int node, const char* kind,
                     std::uint64_t base, std::set<std::string>& prefixes) {
  auto v = tree.prop(node, "compatible");
  if (!v) return;
  std::uint64_t at = base + tree.offset_of(v->data());
  std::string_view list = as_chars(*v);
  while (!list.empty()) {
    auto end = list.find('\0');
    std::string_view one = list.substr(0, end);
    add(out, kind, one, at);
    auto comma = one.find(',');
    if (comma != std::string_view::npos && comma > 0 && prefixes.insert(std::string(one.substr(0, comma))).second) {
      add(out, "dt_prefix", one.substr(0, comma), at);
    }
    if (end == std::string_view::npos) break;
    at += end + 1;
    list.remove_prefix(end + 1);
  }
}

bool is_soc_node(std::string_view name) { return name == "soc" || name.rfind("soc@", 0) == 0; }

}  // namespace

std::vector<report::ChipsetEvidence> device_tree_evidence(ByteView data, std::uint64_t base) {
  std::vector<report::ChipsetEvidence> out;
  auto tree = unpack::FdtTree::open(data);
  if (!tree) return out;
  std::set<std::string> prefixes;
  add_compatibles(out, *tree, 0, "dt_compatible", base, prefixes);
  if (auto v = tree->prop(0, "model")) {
    add(out, "dt_model", as_chars(*v).substr(0, as_chars(*v).find('\0')), base + tree->offset_of(v->data()));
  }
  for (int node = fdt_first_subnode(tree->fdt(), 0); node >= 0; node = fdt_next_subnode(tree->fdt(), node)) {
    if (is_soc_node(tree->name(node))) add_compatibles(out, *tree, node, "dt_soc", base, prefixes);
  }
  return out;
}

std::vector<report::ChipsetEvidence> device_trees_in(ByteView data) {
  std::vector<report::ChipsetEvidence> out;
  std::string_view text = as_chars(data);
  std::uint64_t covered_to = 0;  // end of the last tree read: trees inside it are its blobs
  std::size_t trees = 0;
  for (std::size_t pos : find_all(text, kFdtMagic, kMaxTreesPerFile * 4)) {
    if (pos < covered_to) continue;
    auto tree = unpack::FdtTree::open(tail(data, pos));
    if (!tree) continue;
    covered_to = pos + tree->size();
    auto found = device_tree_evidence(tail(data, pos), pos);
    std::move(found.begin(), found.end(), std::back_inserter(out));
    if (++trees == kMaxTreesPerFile) break;
  }
  return out;
}

void DtbAnalyzer::analyze(const FileRef& file, Facts& out) const {
  for (auto& e : device_trees_in(file.data)) {
    e.origin = file.origin;
    out.chipset_evidence.push_back(std::move(e));
  }
}

}  // namespace pedigree::fingerprint
