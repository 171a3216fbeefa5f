// A progress line on stderr while a long scan runs: the image and the
// seconds elapsed, redrawn in place. Only when stderr is a terminal and the
// user did not ask for --quiet; erased when the scan ends.
#pragma once

#include <string>
#include <thread>

namespace pedigree::cli {

class Progress {
 public:
  /// Starts the line when `enabled` (stderr is a TTY and not quiet).
  Progress(const std::string& image, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

 private:
  std::jthread ticker_;
};

}  // namespace pedigree::cli
