// Blob: an immutable byte range with shared ownership of its storage.
//
// Children carved out of a parent are views into the parent's storage (no
// copy); decompressed children own a buffer. Either way a Blob keeps its
// storage alive for as long as any worker still scans it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree {

class Blob {
 public:
  Blob() = default;
  Blob(std::shared_ptr<const void> owner, ByteView view) : owner_(std::move(owner)), view_(view) {}

  /// Takes ownership of a buffer.
  static Blob from_vector(std::vector<std::uint8_t> bytes);
  /// Copies a string (tests and small synthesised members).
  static Blob from_string(std::string_view s);
  /// Maps a file read-only. Empty files give an empty blob.
  static Result<Blob> map_file(const std::string& path);

  ByteView view() const { return view_; }
  const std::uint8_t* data() const { return view_.data(); }
  std::uint64_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }

  /// A view into the same storage; clamped to what exists.
  Blob sub(std::uint64_t offset, std::uint64_t length) const;
  Blob sub(std::uint64_t offset) const { return sub(offset, UINT64_MAX); }

 private:
  std::shared_ptr<const void> owner_;
  ByteView view_;
};

}  // namespace pedigree
