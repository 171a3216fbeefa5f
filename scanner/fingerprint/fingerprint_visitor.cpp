#include "scanner/fingerprint/fingerprint_visitor.h"

#include "scanner/unpack/tree.h"

namespace pedigree::fingerprint {

void FingerprintVisitor::visit(const std::vector<const unpack::Node*>& chain, const Blob& data,
                               std::vector<std::string>& /*warnings*/) {
  if (chain.empty() || chain.back()->kind != unpack::NodeKind::kFile || data.empty()) return;
  const unpack::Node& node = *chain.back();
  FileRef file;
  file.origin = unpack::origin_of_chain(chain);
  file.path = node.path;
  if (chain.size() >= 2) file.layer_format = chain[chain.size() - 2]->format;
  file.mode = node.mode;
  file.depth = node.depth;
  file.data = data.view();
  Facts found;
  for (const Analyzer* a : analyzers_) a->analyze(file, found);
  if (found.components.empty() && found.binaries.empty() && found.security.empty()) return;
  for (auto& hit : found.components) hit.file_sha256 = node.sha256;
  std::lock_guard lock(mu_);
  facts_.append(std::move(found));
}

Facts FingerprintVisitor::take() {
  std::lock_guard lock(mu_);
  Facts out = std::move(facts_);
  facts_ = {};
  out.sort();
  return out;
}

}  // namespace pedigree::fingerprint
