// The Sink the walker hands to a format: sanitises member paths, enforces the
// file-count, size and time limits, adds nodes and schedules member files.
#pragma once

#include <string>

#include "scanner/unpack/format.h"

namespace pedigree::unpack {

class Walker;

class LayerSink final : public Sink {
 public:
  LayerSink(Walker& walker, std::uint32_t layer_id, std::uint32_t depth, std::string container)
      : walker_(walker), layer_id_(layer_id), depth_(depth), container_(std::move(container)) {}

  bool add(Entry entry, Blob data) override;
  void warn(std::string message) override;
  OutputBudget budget() const override;
  std::string_view container_name() const override { return container_; }

  std::uint64_t members() const { return members_; }

 private:
  bool admit(const Entry& entry, Blob& data);

  Walker& walker_;
  std::uint32_t layer_id_;
  std::uint32_t depth_;
  std::string container_;
  std::uint32_t next_ordinal_ = 0;
  std::uint64_t members_ = 0;
};

}  // namespace pedigree::unpack
