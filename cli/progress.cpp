#include "cli/progress.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace pedigree::cli {
namespace {

// Scans shorter than this print nothing, so quick runs leave no flicker.
constexpr auto kFirstDraw = std::chrono::seconds(1);
constexpr auto kRedraw = std::chrono::milliseconds(500);
constexpr const char* kSpinner = "|/-\\";
constexpr double kMiB = 1024.0 * 1024.0;

void tick(std::stop_token stop, std::string image, std::shared_ptr<Progress::State> state) {
  std::mutex m;
  std::condition_variable_any cv;
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(m);
  cv.wait_for(lock, stop, kFirstDraw, [] { return false; });
  if (stop.stop_requested()) return;
  for (unsigned frame = 0; !stop.stop_requested(); ++frame) {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "\r\x1b[Kpedigree: %s %c %s: %llu files, %.1f MiB, %llds", image.c_str(), kSpinner[frame % 4],
                 state->step.load(), static_cast<unsigned long long>(state->files.load(std::memory_order_relaxed)),
                 static_cast<double>(state->bytes.load(std::memory_order_relaxed)) / kMiB,
                 static_cast<long long>(secs));
    std::fflush(stderr);
    cv.wait_for(lock, stop, kRedraw, [] { return false; });
  }
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
}

}  // namespace

/// Counts files and bytes (the walker calls it from several threads), then passes each node on.
class Progress::Counter final : public unpack::NodeVisitor {
 public:
  Counter(State& state, unpack::NodeVisitor* next) : state_(state), next_(next) {}
  void visit(const std::vector<const unpack::Node*>& chain, const Blob& data,
             std::vector<std::string>& warnings) override {
    if (!chain.empty() && chain.back()->kind == unpack::NodeKind::kFile) {
      state_.files.fetch_add(1, std::memory_order_relaxed);
      state_.bytes.fetch_add(data.size(), std::memory_order_relaxed);
    }
    if (next_ != nullptr) next_->visit(chain, data, warnings);
  }

 private:
  State& state_;
  unpack::NodeVisitor* next_;
};

Progress::Progress(const std::string& image, bool enabled) {
  if (!enabled) return;
  state_ = std::make_shared<State>();
  ticker_ = std::jthread(tick, image, state_);
}

Progress::~Progress() = default;  // jthread requests stop and joins

unpack::NodeVisitor* Progress::counting(unpack::NodeVisitor* next) {
  if (!state_) return next;
  counter_ = std::make_unique<Counter>(*state_, next);
  return counter_.get();
}

void Progress::step(const char* step) {
  if (state_) state_->step.store(step);
}

}  // namespace pedigree::cli
