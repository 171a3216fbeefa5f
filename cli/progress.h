// A progress line on stderr while a long scan runs: the image, the step the
// scan is in, how many files and bytes the unpacker has produced so far and
// the seconds elapsed, redrawn in place. Only when stderr is a terminal and
// the user did not ask for --quiet; erased when the scan ends.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "scanner/unpack/walker.h"

namespace pedigree::cli {

class Progress {
 public:
  /// Starts the line when `enabled` (stderr is a TTY and not quiet).
  Progress(const std::string& image, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// A visitor that counts the files the walker produces, then hands each to
  /// `next` (may be null). Without a progress line it is `next` itself.
  unpack::NodeVisitor* counting(unpack::NodeVisitor* next);

  /// Names the step the scan is in; `step` must outlive the progress line.
  void step(const char* step);

  /// What the line shows; shared with the drawing thread.
  struct State {
    std::atomic<std::uint64_t> files{0}, bytes{0};
    std::atomic<const char*> step{"unpacking"};
  };

 private:
  class Counter;
  std::shared_ptr<State> state_;
  std::unique_ptr<Counter> counter_;
  std::jthread ticker_;  // last: stops and joins before the state goes
};

}  // namespace pedigree::cli
