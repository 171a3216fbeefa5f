// Runs every fingerprinting analyzer over every file the walker produces,
// once per file, on the walker's worker threads, and collects the facts.
#pragma once

#include <mutex>
#include <vector>

#include "scanner/fingerprint/analyzer.h"
#include "scanner/unpack/walker.h"

namespace pedigree::fingerprint {

class FingerprintVisitor : public unpack::NodeVisitor {
 public:
  explicit FingerprintVisitor(std::vector<const Analyzer*> analyzers) : analyzers_(std::move(analyzers)) {}
  void visit(const std::vector<const unpack::Node*>& chain, const Blob& data,
             std::vector<std::string>& warnings) override;
  /// Everything collected, sorted. Call once the walk has finished.
  Facts take();

 private:
  std::vector<const Analyzer*> analyzers_;
  std::mutex mu_;
  Facts facts_;
};

/// Hands every node to several visitors in turn (e.g. write to disk and fingerprint).
class FanOutVisitor : public unpack::NodeVisitor {
 public:
  explicit FanOutVisitor(std::vector<unpack::NodeVisitor*> visitors) : visitors_(std::move(visitors)) {}
  void visit(const std::vector<const unpack::Node*>& chain, const Blob& data,
             std::vector<std::string>& warnings) override {
    for (auto* v : visitors_) v->visit(chain, data, warnings);
  }

 private:
  std::vector<unpack::NodeVisitor*> visitors_;
};

}  // namespace pedigree::fingerprint
