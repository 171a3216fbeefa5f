// Private to the walker and its sink: the Walker's state.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

#include "scanner/core/task_pool.h"
#include "scanner/unpack/carver.h"
#include "scanner/unpack/format.h"
#include "scanner/unpack/walker.h"

namespace pedigree::unpack {

class Walker {
 public:
  Walker(const Limits& limits, NodeVisitor* visitor);
  UnpackResult run(const Blob& image, std::string name);

  // Used by LayerSink.
  enum class LimitFlag { kDepth, kFiles, kTotalBytes, kTime, kCount };
  const Limits& limits() const { return limits_; }
  std::uint32_t add_node(Node n);
  void schedule_file(std::uint32_t id, Blob data, std::uint32_t depth);
  void visit(std::uint32_t id, const Blob& data);
  void warn(std::string kind, std::string origin, std::string message);
  void warn_once(LimitFlag flag, std::uint32_t at, std::string message);
  bool out_of_time(std::uint32_t at);
  std::string origin(std::uint32_t id);
  OutputBudget budget() const;
  std::atomic<std::uint64_t>& bytes_out() { return bytes_out_; }
  std::atomic<std::uint64_t>& files() { return files_; }
  bool limit_hit(LimitFlag f) const { return limit_hit_[static_cast<int>(f)].load(); }

 private:
  /// One blob being identified: what is claimed so far and where carving resumes.
  struct Dissection {
    std::uint32_t file_id;
    std::uint32_t depth;
    const Blob& blob;
    std::uint64_t pos = 0;
    std::uint32_t next_ordinal = 0;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> claimed;
    bool identified = false;  ///< the whole blob is one member-less instance (an ELF, a DTB)
  };

  void process_file(std::uint32_t id, const Blob& data, std::uint32_t depth);
  void dissect(std::uint32_t file_id, const Blob& blob, std::uint32_t depth);
  bool try_candidate(Dissection& d, const Candidate& c);
  void finish_layer(Dissection& d, std::uint32_t layer_id, std::uint64_t members, const Candidate& c,
                    std::uint64_t consumed);
  void claim(Dissection& d, std::uint64_t start, std::uint64_t size);
  void carve_zlib_streams(Dissection& d);
  void record_gaps(Dissection& d);
  void remove_node(std::uint32_t id);
  std::string container_name(std::uint32_t file_id);
  std::vector<const Node*> chain_locked(std::uint32_t id) const;

  const Limits& limits_;
  NodeVisitor* visitor_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point deadline_;
  std::mutex mu_;
  std::deque<Node> nodes_;  // deque: node addresses stay valid while it grows
  std::vector<Warning> warnings_;
  std::atomic<std::uint64_t> bytes_out_{0};
  std::atomic<std::uint64_t> files_{0};
  std::array<std::atomic<bool>, static_cast<int>(LimitFlag::kCount)> limit_hit_{};
  TaskPool pool_;  // last: its threads stop before the state above goes away
};

}  // namespace pedigree::unpack
