// Running the pedigree executable (or any command line) from a test, the way
// a user does: exit code and standard output.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace pedigree::test {

struct CommandResult {
  int code = -1;
  std::string out;
};

/// Runs a shell command line and captures its standard output.
inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// $PEDIGREE_EXE (set by ctest), else the executable in the build tree.
inline std::string pedigree_exe() {
  const char* e = std::getenv("PEDIGREE_EXE");
  return e != nullptr ? e : std::string(PEDIGREE_BINARY_DIR) + "/pedigree";
}

}  // namespace pedigree::test
