#include "scanner/unpack/walker.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "scanner/core/hash.h"
#include "scanner/core/task_pool.h"
#include "scanner/unpack/carver.h"
#include "scanner/unpack/gaps.h"
#include "scanner/unpack/layer_sink.h"
#include "scanner/unpack/registry.h"
#include "scanner/unpack/walker_impl.h"
#include "scanner/unpack/zlib_carve.h"

namespace pedigree::unpack {
namespace {

// Hostile data can hold a magic at every byte; probing millions of them
// would be a denial of service, so carving stops at this many per blob.
constexpr std::size_t kMaxCandidatesPerBlob = 200000;

unsigned worker_count(const Limits& limits) {
  unsigned n = limits.jobs != 0 ? limits.jobs : std::max(1U, std::thread::hardware_concurrency());
  return n <= 1 ? 0 : n;  // one job: everything inline, no threads
}

}  // namespace

Walker::Walker(const Limits& limits, NodeVisitor* visitor)
    : limits_(limits), visitor_(visitor), pool_(worker_count(limits)) {
  start_ = std::chrono::steady_clock::now();
  deadline_ = limits.max_seconds == 0 ? std::chrono::steady_clock::time_point::max()
                                      : start_ + std::chrono::seconds(limits.max_seconds);
}

std::uint32_t Walker::add_node(Node n) {
  std::lock_guard lock(mu_);
  nodes_.push_back(std::move(n));
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::string Walker::origin(std::uint32_t id) {
  std::lock_guard lock(mu_);
  return origin_of_chain(chain_locked(id));
}

std::vector<const Node*> Walker::chain_locked(std::uint32_t id) const {
  std::vector<const Node*> chain;
  for (std::uint32_t i = id; i != kNoParent; i = nodes_[i].parent) chain.push_back(&nodes_[i]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void Walker::warn(std::string kind, std::string origin, std::string message) {
  std::lock_guard lock(mu_);
  warnings_.push_back({std::move(kind), std::move(origin), std::move(message)});
}

void Walker::warn_once(LimitFlag flag, std::uint32_t at, std::string message) {
  if (limit_hit_[static_cast<int>(flag)].exchange(true)) return;
  warn("limit", origin(at), std::move(message));
}

bool Walker::out_of_time(std::uint32_t at) {
  if (std::chrono::steady_clock::now() <= deadline_) return false;
  warn_once(LimitFlag::kTime, at,
            fmt::format("time limit of {} s reached: the rest of the image was not unpacked", limits_.max_seconds));
  return true;
}

OutputBudget Walker::budget() const {
  OutputBudget b;
  std::uint64_t used = bytes_out_.load();
  std::uint64_t left = used >= limits_.max_total_bytes ? 0 : limits_.max_total_bytes - used;
  b.max_bytes = std::min(limits_.max_file_bytes, left);
  b.max_ratio = limits_.max_ratio;
  b.ratio_floor_bytes = limits_.ratio_floor_bytes;
  b.deadline = deadline_;
  return b;
}

void Walker::visit(std::uint32_t id, const Blob& data) {
  if (visitor_ == nullptr) return;
  std::vector<std::string> problems;
  std::vector<const Node*> chain;
  {
    std::lock_guard lock(mu_);
    chain = chain_locked(id);
  }
  visitor_->visit(chain, data, problems);
  for (auto& p : problems) warn("write", origin_of_chain(chain), std::move(p));
}

void Walker::schedule_file(std::uint32_t id, Blob data, std::uint32_t depth) {
  pool_.submit([this, id, data = std::move(data), depth] { process_file(id, data, depth); });
}

void Walker::process_file(std::uint32_t id, const Blob& data, std::uint32_t depth) {
  std::string digest = sha256_hex(data.view());
  {
    std::lock_guard lock(mu_);
    nodes_[id].sha256 = std::move(digest);
    nodes_[id].size = data.size();
  }
  visit(id, data);
  if (!data.empty() && !out_of_time(id)) dissect(id, data, depth);
}

void Walker::dissect(std::uint32_t file_id, const Blob& blob, std::uint32_t depth) {
  Dissection d{file_id, depth, blob, 0, 0, {}, false};
  for (const Candidate& c : default_carver().at_start(blob.view())) {
    if (try_candidate(d, c)) break;
  }
  if (d.pos < blob.size()) {
    bool capped = false;
    auto candidates = default_carver().scan(blob.view(), d.pos, kMaxCandidatesPerBlob, &capped);
    if (capped) {
      warn("limit", origin(file_id),
           fmt::format("more than {} format signatures: carving stopped early", kMaxCandidatesPerBlob));
    }
    for (const Candidate& c : candidates) {
      if (c.start < d.pos) continue;
      if (out_of_time(file_id)) break;
      try_candidate(d, c);
    }
  }
  if (!d.identified && !out_of_time(file_id)) carve_zlib_streams(d);
  if (!d.claimed.empty() || file_id == 0) record_gaps(d);
}

void Walker::carve_zlib_streams(Dissection& d) {
  static const Format* const kZlib = find_format("zlib");
  ZlibCarveLimits limits;
  limits.deadline = deadline_;
  ZlibCarveResult found = carve_zlib(d.blob.view(), unclaimed(d.blob.size(), d.claimed), limits);
  if (found.capped || found.timed_out) {
    warn("limit", origin(d.file_id),
         fmt::format("zlib stream search stopped after {} trial decodes ({}): later streams may be missed",
                     found.trials, found.capped ? "trial or output limit" : "time limit"));
  }
  for (const ZlibStream& s : found.streams) {
    if (out_of_time(d.file_id)) break;
    try_candidate(d, Candidate{s.offset, 0, kZlib});
  }
}

bool Walker::try_candidate(Dissection& d, const Candidate& c) {
  ByteView rest = tail(d.blob.view(), c.start);
  auto probed = c.format->probe(rest);
  if (!probed) return false;
  std::uint64_t size = std::min<std::uint64_t>(*probed, rest.size());
  if (d.depth + 1 > limits_.max_depth) {
    warn_once(LimitFlag::kDepth, d.file_id,
              fmt::format("nesting depth limit of {} reached: {} at {:#x} not unpacked", limits_.max_depth,
                          c.format->name(), c.start));
    claim(d, c.start, size != 0 ? size : rest.size());
    return true;
  }
  Node layer;
  layer.parent = d.file_id;
  layer.ordinal = d.next_ordinal++;
  layer.kind = NodeKind::kLayer;
  layer.format = std::string(c.format->name());
  layer.offset = c.start;
  layer.depth = d.depth + 1;
  std::uint32_t layer_id = add_node(std::move(layer));

  Blob region = size != 0 ? d.blob.sub(c.start, size) : d.blob.sub(c.start);
  LayerSink sink(*this, layer_id, d.depth + 1, container_name(d.file_id));
  auto extracted = c.format->extract(region, sink);
  if (!extracted && sink.members() == 0) {
    remove_node(layer_id);
    if (size != 0) {
      warn("parse", origin(d.file_id) + fmt::format(" @{:#x}", c.start),
           fmt::format("{} header is valid but the content is not: {}", c.format->name(), extracted.error().message));
    }
    return false;
  }
  std::uint64_t consumed = extracted ? *extracted : (size != 0 ? size : region.size());
  consumed = std::clamp<std::uint64_t>(consumed, 1, region.size());
  if (!extracted) warn("parse", origin(layer_id), extracted.error().message);
  finish_layer(d, layer_id, sink.members(), c, consumed);
  return true;
}

void Walker::finish_layer(Dissection& d, std::uint32_t layer_id, std::uint64_t members, const Candidate& c,
                          std::uint64_t consumed) {
  bool whole_leaf = members == 0 && c.start == 0 && consumed == d.blob.size();
  {
    std::lock_guard lock(mu_);
    nodes_[layer_id].size = consumed;
    // A file that is one instance of a format with no members (an ELF, a
    // device tree) is identified, not unpacked: label the file instead.
    if (whole_leaf) {
      d.identified = true;
      nodes_[layer_id].kind = NodeKind::kRemoved;
      nodes_[d.file_id].format = std::string(c.format->name());
    }
  }
  if (!whole_leaf) claim(d, c.start, consumed);
  d.pos = c.start + consumed;
}

void Walker::claim(Dissection& d, std::uint64_t start, std::uint64_t size) {
  d.claimed.emplace_back(start, start + size);
  d.pos = start + size;
}

void Walker::remove_node(std::uint32_t id) {
  std::lock_guard lock(mu_);
  nodes_[id].kind = NodeKind::kRemoved;
}

std::string Walker::container_name(std::uint32_t file_id) {
  std::lock_guard lock(mu_);
  return nodes_[file_id].path;
}

void Walker::record_gaps(Dissection& d) {
  for (const Gap& g : find_gaps(d.blob.view(), d.claimed)) {
    Node n;
    n.parent = d.file_id;
    n.ordinal = d.next_ordinal++;
    n.kind = NodeKind::kUnknown;
    n.format = g.padding ? "padding" : "unknown";
    n.offset = g.offset;
    n.size = g.size;
    n.entropy = g.entropy;
    n.depth = d.depth;
    std::uint32_t id = add_node(std::move(n));
    if (g.suspicious) {
      warn("encrypted", origin(id),
           fmt::format("{} bytes of unknown data with entropy {:.2f} bits/byte: encrypted, or compressed "
                       "with a method this tool does not know",
                       g.size, g.entropy));
    }
  }
}

UnpackResult Walker::run(const Blob& image, std::string name) {
  Node root;
  root.kind = NodeKind::kFile;
  root.path = std::move(name);
  root.size = image.size();
  add_node(std::move(root));
  files_ = 1;
  schedule_file(0, image, 0);
  pool_.wait_idle();

  UnpackResult r;
  r.tree.nodes.assign(std::make_move_iterator(nodes_.begin()), std::make_move_iterator(nodes_.end()));
  r.tree.canonicalize();
  r.warnings = std::move(warnings_);
  std::sort(r.warnings.begin(), r.warnings.end(), [](const Warning& a, const Warning& b) {
    return std::tie(a.origin, a.kind, a.message) < std::tie(b.origin, b.kind, b.message);
  });
  r.warnings.erase(std::unique(r.warnings.begin(), r.warnings.end(),
                               [](const Warning& a, const Warning& b) {
                                 return a.origin == b.origin && a.kind == b.kind && a.message == b.message;
                               }),
                   r.warnings.end());
  r.bytes_out = bytes_out_.load();
  return r;
}

UnpackResult unpack_image(const Blob& image, std::string name, const Limits& limits, NodeVisitor* visitor) {
  Walker w(limits, visitor);
  return w.run(image, std::move(name));
}

}  // namespace pedigree::unpack
