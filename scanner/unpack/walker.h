// The walker: the one place that recurses.
//
// It identifies every blob (formats at offset 0 first, then candidates carved
// at any offset), lets each format extract its members into a sink, and
// examines every member file again, on a pool of worker threads. Only the
// walker knows about depth, budgets and the deadline; each limit hit becomes
// a warning that names the layer it happened in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/core/blob.h"
#include "scanner/core/limits.h"
#include "scanner/unpack/tree.h"

namespace pedigree::unpack {

struct Warning {
  std::string kind;    ///< "limit", "parse", "unsafe-path", "encrypted", "unknown", "write"
  std::string origin;  ///< where: origin chain of the file or layer
  std::string message;
};

/// Sees every member as it is produced, e.g. to write it to disk or fingerprint it.
class NodeVisitor {
 public:
  virtual ~NodeVisitor() = default;
  /// Called once per file, directory, link and device node (and once for the
  /// image itself), possibly from several threads at once. `chain` runs from
  /// the image to the node; `data` holds a file's bytes. Problems the visitor
  /// wants in the report go to `warnings`.
  virtual void visit(const std::vector<const Node*>& chain, const Blob& data, std::vector<std::string>& warnings) = 0;
};

struct UnpackResult {
  Tree tree;
  std::vector<Warning> warnings;  ///< sorted, for deterministic reports
  std::uint64_t bytes_out = 0;
};

/// Unpacks an image recursively. `name` is the image's file name, used as the
/// root of every origin chain.
UnpackResult unpack_image(const Blob& image, std::string name, const Limits& limits, NodeVisitor* visitor);

}  // namespace pedigree::unpack
