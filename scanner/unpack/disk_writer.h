// Writes the unpacked tree to a directory, safely (`pedigree extract`).
//
// Layout: the image's layers become `<DIR>/0x<offset>.<format>/…`; a member
// file's own layers go beside it in `<file>.extracted/0x<offset>.<format>/…`.
// Nothing is written outside DIR: every directory is opened with O_NOFOLLOW
// relative to its parent, symlinks are created only when their target stays
// inside their layer (absolute targets are made relative to the layer root),
// device nodes are never created, and setuid/setgid bits are dropped.
#pragma once

#include <string>

#include "scanner/core/result.h"
#include "scanner/unpack/walker.h"

namespace pedigree::unpack {

class DiskWriter final : public NodeVisitor {
 public:
  /// Opens (creating if needed) the output root.
  static Result<std::unique_ptr<DiskWriter>> open(const std::string& root);
  ~DiskWriter() override;
  DiskWriter(const DiskWriter&) = delete;
  DiskWriter& operator=(const DiskWriter&) = delete;

  void visit(const std::vector<const Node*>& chain, const Blob& data, std::vector<std::string>& warnings) override;

  /// Path of a node relative to the output root ("" for the image itself).
  static std::string relative_path(const std::vector<const Node*>& chain);

 private:
  explicit DiskWriter(int root_fd) : root_fd_(root_fd) {}
  int root_fd_;
};

}  // namespace pedigree::unpack
