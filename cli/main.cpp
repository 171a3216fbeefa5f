// pedigree: the command-line front end. Parses arguments, runs the scanner,
// writes reports. Exit codes: 0 done, 1 findings at or above --fail-on,
// 2 bad usage or unreadable input, 3 internal error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <ctime>
#include <exception>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/db_command.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/report_commands.h"
#include "cli/scan_options.h"
#include "scanner/core/calendar_date.h"
#include "scanner/db/db_path.h"
#include "scanner/db/provenance.h"
#include "scanner/match/provenance_match.h"
#include "scanner/report/atomic_file.h"
#include "scanner/report/cyclonedx_writer.h"
#include "scanner/report/html_writer.h"
#include "scanner/report/json_writer.h"
#include "scanner/report/sarif_writer.h"
#include "scanner/report/spdx_writer.h"
#include "scanner/report/text_writer.h"
#include "scanner/scan.h"
#include "scanner/unpack/disk_writer.h"

namespace pedigree::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CommonArgs {
  std::string image;
  std::vector<std::string> outputs;
  bool quiet = false;
  Limits limits;
  std::string max_total = "4G";
  std::string max_file = "1G";
  bool analyse = false;   ///< scan: fingerprint, then attach what the provenance database knows; extract only unpacks
  std::string db_path;    ///< --db; empty: the bundled database
  std::string sign_key;   ///< --sign: PEM private key (and certificate)
  std::string sign_cert;  ///< --sign-cert: PEM certificate when not in the key file
  std::string now;        ///< --now YYYY-MM-DD; empty: today (UTC)
  RiskArgs risk;          ///< --policy, --waivers, --fail-on
};

/// Every report format: its -o name and the writer that renders it.
struct OutputFormat {
  std::string_view name;
  std::string (*render)(const report::Report&, const CommonArgs&, bool to_terminal);
  std::string_view sbom_spec;  ///< the SBOM specification it writes; empty for reports
};
const std::array<OutputFormat, 6> kFormats{{
    {"text",
     [](const report::Report& r, const CommonArgs&, bool tty) {
       return report::to_text(r, {tty, 20});
     },
     ""},
    {"json", [](const report::Report& r, const CommonArgs& a, bool) { return report::to_json(r, a.limits); }, ""},
    {"cyclonedx", [](const report::Report& r, const CommonArgs&, bool) { return report::to_cyclonedx(r); }, "1.6"},
    {"spdx", [](const report::Report& r, const CommonArgs&, bool) { return report::to_spdx(r); }, "SPDX-2.3"},
    {"sarif", [](const report::Report& r, const CommonArgs&, bool) { return report::to_sarif(r); }, ""},
    {"html", [](const report::Report& r, const CommonArgs&, bool) { return report::to_html(r); }, ""},
}};

const OutputFormat* find_format(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

void add_common(CLI::App& cmd, CommonArgs& a) {
  cmd.add_option("IMAGE", a.image, "Firmware image to read")->required();
  cmd.add_option("-o,--output", a.outputs,
                 "Report FORMAT[=PATH]: text (default, to stdout), json, cyclonedx, spdx, sarif or html");
  cmd.add_flag("-q,--quiet", a.quiet, "Print nothing but errors");
  cmd.add_option("--jobs", a.limits.jobs, "Worker threads (default: one per core)");
  cmd.add_option("--max-depth", a.limits.max_depth, "Deepest nesting of containers")->capture_default_str();
  cmd.add_option("--max-total", a.max_total, "Bytes all extractors may produce (K/M/G suffixes)")
      ->capture_default_str();
  cmd.add_option("--max-file", a.max_file, "Bytes one extracted file may have")->capture_default_str();
  cmd.add_option("--max-ratio", a.limits.max_ratio, "Largest compression ratio of one stream")->capture_default_str();
  cmd.add_option("--max-files", a.limits.max_files, "Most files extracted in all")->capture_default_str();
  cmd.add_option("--timeout", a.limits.max_seconds, "Seconds before unpacking stops (0: none)")->capture_default_str();
  cmd.add_option("--now", a.now,
                 "Reference date YYYY-MM-DD for certificate expiry and dated output (default: today, UTC)");
}

/// Fills the size limits from their text; false (with a message) when malformed.
bool finish_limits(CommonArgs& a) {
  auto total = parse_size(a.max_total);
  auto file = parse_size(a.max_file);
  if (!total || !file) {
    std::cerr << "pedigree: --max-total and --max-file take a size such as 512M or 4G\n";
    return false;
  }
  a.limits.max_total_bytes = *total;
  a.limits.max_file_bytes = *file;
  if (!a.now.empty() && !parse_iso_date(a.now)) {
    std::cerr << "pedigree: --now takes a date such as 2025-01-31\n";
    return false;
  }
  return true;
}

/// The -o options, checked before any work is done; nullopt (with a message) when one is malformed.
std::optional<std::vector<OutputSpec>> parse_outputs(const CommonArgs& a, bool default_text) {
  std::vector<OutputSpec> specs;
  for (const auto& o : a.outputs) {
    auto spec = parse_output_spec(o);
    if (!spec || find_format(spec->format) == nullptr) {
      std::cerr << "pedigree: bad output '" << o
                << "': use FORMAT[=PATH], FORMAT one of text, json, cyclonedx, spdx, sarif, html\n";
      return std::nullopt;
    }
    specs.push_back(*spec);
  }
  if (specs.empty() && default_text && !a.quiet) specs.push_back({"text", ""});
  return specs;
}

/// Records the SBOMs about to be written, so that the report can say the components were documented.
void record_sboms(report::Report& r, const std::vector<OutputSpec>& specs) {
  for (const auto& s : specs) {
    const OutputFormat* f = find_format(s.format);
    if (f->sbom_spec.empty()) continue;
    r.sboms.push_back(
        {s.format, std::string(f->sbom_spec), s.path.empty() ? "standard output" : s.path, r.components.size()});
  }
}

int write_outputs(const report::Report& r, const CommonArgs& a, const std::vector<OutputSpec>& specs) {
  for (const auto& s : specs) {
    std::string body = find_format(s.format)->render(r, a, s.path.empty() && isatty(1) != 0);
    if (s.path.empty()) {
      std::fwrite(body.data(), 1, body.size(), stdout);
      continue;
    }
    auto st = report::write_file_atomically(s.path, body);
    if (!st) {
      std::cerr << "pedigree: cannot write report: " << st.error().message << "\n";
      return kExitUsage;
    }
    if (!a.sign_key.empty() && !sign_report(s.path, body, a.sign_key, a.sign_cert)) return kExitUsage;
  }
  return kExitOk;
}

int run_scan(CommonArgs& a, unpack::NodeVisitor* visitor, bool default_text) {
  if (!finish_limits(a)) return kExitUsage;
  auto specs = parse_outputs(a, default_text);
  if (!specs) return kExitUsage;
  // The database is opened first so that a missing one fails before the work.
  std::optional<db::ProvenanceDb> provenance;
  if (a.analyse) {
    auto opened = db::ProvenanceDb::open(a.db_path.empty() ? db::default_db_path() : a.db_path);
    if (!opened) {
      std::cerr << "pedigree: cannot use the provenance database: " << opened.error().message << "\n";
      return kExitUsage;
    }
    provenance.emplace(std::move(*opened));
  }
  // The line is erased before anything is written: reports may go to the same terminal.
  std::optional<Progress> progress;
  progress.emplace(a.image, !a.quiet && isatty(2) != 0);
  auto r = scan_image(a.image, ScanOptions{a.limits, a.now, /*fingerprint=*/a.analyse}, progress->counting(visitor));
  if (!r) {
    progress.reset();
    std::cerr << "pedigree: cannot read " << r.error().message << "\n";
    return kExitUsage;
  }
  if (provenance) {
    progress->step("matching with the provenance database");
    auto st = match::attach_provenance(*r, *provenance);
    if (!st) {
      progress.reset();
      std::cerr << "pedigree: cannot read the provenance database: " << st.error().message << "\n";
      return kExitUsage;
    }
  }
  record_sboms(*r, *specs);
  progress->step("assessing");
  bool assessed = assess_report(*r, a.risk, {});
  progress.reset();
  if (!assessed) return kExitUsage;
  int rc = write_outputs(*r, a, *specs);
  return rc != kExitOk ? rc : fail_on_exit_code(*r, a.risk);
}

int run_extract(CommonArgs& a, const std::string& dir) {
  auto writer = unpack::DiskWriter::open(dir);
  if (!writer) {
    std::cerr << "pedigree: cannot create output directory " << writer.error().message << "\n";
    return kExitUsage;
  }
  int rc = run_scan(a, writer->get(), false);
  if (rc == kExitOk && !a.quiet) std::cerr << "pedigree: extracted into " << dir << "\n";
  return rc;
}

int run(int argc, char** argv) {
  CLI::App app{"Pedigree: firmware supply-chain and vendor-provenance scanner"};
  app.set_version_flag("--version", std::string("pedigree ") + PEDIGREE_VERSION);
  app.require_subcommand(1);
  CommonArgs scan_args;
  auto* scan = app.add_subcommand("scan", "Unpack an image and report what is inside");
  add_common(*scan, scan_args);
  scan_args.analyse = true;
  scan->add_option("--sign", scan_args.sign_key, "Sign each report file: PEM private key (and its certificate)");
  scan->add_option("--sign-cert", scan_args.sign_cert, "PEM certificate for --sign, when not in the key file");
  add_risk_options(*scan, scan_args.risk);
  scan->add_option("--db", scan_args.db_path, "Provenance database (default: the bundled one, or $PEDIGREE_DB)");
  CommonArgs extract_args;
  std::string out_dir;
  auto* extract = app.add_subcommand("extract", "Unpack an image into a directory, safely");
  add_common(*extract, extract_args);
  extract->add_option("-C,--directory", out_dir, "Output directory")->required();
  DbArgs db_args;
  add_db_commands(app, db_args);
  DiffArgs diff_args;
  add_diff_command(app, diff_args);
  VerifyArgs verify_args;
  add_verify_command(app, verify_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (scan_args.db_path.empty()) scan_args.db_path = db_args.db;  // the global --db
  if (scan->parsed()) return run_scan(scan_args, nullptr, true);
  if (diff_args.cmd->parsed()) return run_diff(diff_args);
  if (verify_args.cmd->parsed()) return run_verify(verify_args);
  if (db_args.group->parsed()) return run_db_command(db_args);
  return run_extract(extract_args, out_dir);
}

}  // namespace
}  // namespace pedigree::cli

int main(int argc, char** argv) {
  try {
    return pedigree::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "pedigree: internal error: " << e.what() << "\n";
    return pedigree::cli::kExitInternal;
  }
}
