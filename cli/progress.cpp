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

void tick(std::stop_token stop, std::string image) {
  std::mutex m;
  std::condition_variable_any cv;
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(m);
  cv.wait_for(lock, stop, kFirstDraw, [] { return false; });
  if (stop.stop_requested()) return;
  for (unsigned frame = 0; !stop.stop_requested(); ++frame) {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "\r\x1b[Kpedigree: scanning %s %c %llds", image.c_str(), kSpinner[frame % 4],
                 static_cast<long long>(secs));
    std::fflush(stderr);
    cv.wait_for(lock, stop, kRedraw, [] { return false; });
  }
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
}

}  // namespace

Progress::Progress(const std::string& image, bool enabled) {
  if (enabled) ticker_ = std::jthread(tick, image);
}

Progress::~Progress() = default;  // jthread requests stop and joins

}  // namespace pedigree::cli
