// `pedigree diff OLD.json NEW.json` and `pedigree verify REPORT SIG`: the
// commands that read reports rather than images.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace pedigree::cli {

struct DiffArgs {
  std::string old_report, new_report;
  std::vector<std::string> outputs;  ///< text[=PATH] | json[=PATH]
  CLI::App* cmd = nullptr;
};

struct VerifyArgs {
  std::string report, signature, ca;
  CLI::App* cmd = nullptr;
};

void add_diff_command(CLI::App& app, DiffArgs& args);
void add_verify_command(CLI::App& app, VerifyArgs& args);

/// Exit codes: 0 done, 2 bad usage or unreadable reports.
int run_diff(const DiffArgs& args);
/// Exit codes: 0 the signature verifies, 1 it does not, 2 bad usage or unreadable files.
int run_verify(const VerifyArgs& args);

/// Writes PATH.sig, a detached CMS signature of `content`, beside a written report.
bool sign_report(const std::string& path, const std::string& content, const std::string& key, const std::string& cert);

}  // namespace pedigree::cli
