// A Sink that keeps what an extractor emits, for one-line format tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "scanner/unpack/format.h"

namespace pedigree::test {

struct Member {
  unpack::Entry entry;
  Blob data;
  std::string text() const { return std::string(as_chars(data.view())); }
};

class CollectingSink final : public unpack::Sink {
 public:
  explicit CollectingSink(std::string container = "image.bin") : container_(std::move(container)) {}

  bool add(unpack::Entry entry, Blob data) override {
    members.push_back({std::move(entry), std::move(data)});
    return members.size() < max_members;
  }
  void warn(std::string message) override { warnings.push_back(std::move(message)); }
  unpack::OutputBudget budget() const override { return budget_; }
  std::string_view container_name() const override { return container_; }

  /// The member with this path, or nullptr.
  const Member* find(std::string_view path) const {
    for (const auto& m : members) {
      if (m.entry.path == path) return &m;
    }
    return nullptr;
  }

  std::vector<Member> members;
  std::vector<std::string> warnings;
  std::size_t max_members = SIZE_MAX;
  unpack::OutputBudget budget_{};

 private:
  std::string container_;
};

/// Runs probe + extract of one format over bytes, as the walker would.
struct Extracted {
  bool probed = false;
  bool extracted = false;
  std::uint64_t consumed = 0;
  std::string error;
  CollectingSink sink;
};

inline Extracted extract_with(const unpack::Format& f, const Blob& blob, CollectingSink sink = CollectingSink()) {
  Extracted x;
  x.sink = std::move(sink);
  auto p = f.probe(blob.view());
  if (!p) {
    x.error = p.error().message;
    return x;
  }
  x.probed = true;
  Blob region = *p == 0 ? blob : blob.sub(0, *p);
  auto r = f.extract(region, x.sink);
  if (!r) {
    x.error = r.error().message;
    return x;
  }
  x.extracted = true;
  x.consumed = *r;
  return x;
}

/// Reads a whole file into a blob (test fixtures).
Blob read_file(const std::string& path);

}  // namespace pedigree::test
