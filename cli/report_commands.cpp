#include "cli/report_commands.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/options.h"
#include "scanner/report/atomic_file.h"
#include "scanner/report/report_diff.h"
#include "scanner/report/report_signature.h"

namespace pedigree::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitUsage = 2;

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

int fail(const std::string& message) {
  std::cerr << "pedigree: " << message << "\n";
  return kExitUsage;
}

}  // namespace

void add_diff_command(CLI::App& app, DiffArgs& a) {
  a.cmd = app.add_subcommand("diff", "What changed between two firmware versions (their JSON reports)");
  a.cmd->add_option("OLD", a.old_report, "JSON report of the older image")->required();
  a.cmd->add_option("NEW", a.new_report, "JSON report of the newer image")->required();
  a.cmd->add_option("-o,--output", a.outputs, "FORMAT[=PATH]: text (default, to stdout) or json");
}

void add_verify_command(CLI::App& app, VerifyArgs& a) {
  a.cmd = app.add_subcommand("verify", "Check a report's detached signature (written by scan --sign)");
  a.cmd->add_option("REPORT", a.report, "The report file")->required();
  a.cmd->add_option("SIG", a.signature, "Its signature (REPORT.sig)")->required();
  a.cmd->add_option("--ca", a.ca, "PEM certificates the signer's certificate must chain to");
}

int run_diff(const DiffArgs& a) {
  std::string old_text, new_text;
  if (!read_file(a.old_report, old_text)) return fail("cannot read " + a.old_report);
  if (!read_file(a.new_report, new_text)) return fail("cannot read " + a.new_report);
  auto d = report::diff_reports(old_text, new_text);
  if (!d) return fail(d.error().message);
  std::vector<OutputSpec> specs;
  for (const auto& o : a.outputs) {
    auto spec = parse_output_spec(o);
    if (!spec || (spec->format != "text" && spec->format != "json")) {
      return fail("bad output '" + o + "': use text[=PATH] or json[=PATH]");
    }
    specs.push_back(*spec);
  }
  if (specs.empty()) specs.push_back({"text", ""});
  for (const auto& s : specs) {
    std::string body = s.format == "json" ? report::diff_to_json(*d) : report::diff_to_text(*d);
    if (s.path.empty()) {
      std::cout << body;
      continue;
    }
    auto st = report::write_file_atomically(s.path, body);
    if (!st) return fail("cannot write " + st.error().message);
  }
  return kExitOk;
}

int run_verify(const VerifyArgs& a) {
  std::string content, signature;
  if (!read_file(a.report, content)) return fail("cannot read " + a.report);
  if (!read_file(a.signature, signature)) return fail("cannot read " + a.signature);
  auto signer = report::verify_detached(content, signature, a.ca);
  if (!signer) {
    std::cerr << "pedigree: " << a.report << ": " << signer.error().message << "\n";
    return signer.error().code == Errc::kIo ? kExitUsage : kExitMismatch;
  }
  std::cout << a.report << ": signature verified\n  signer " << signer->subject << "\n  sha256 " << signer->sha256
            << "\n  chain  " << (signer->chain_checked ? "verified against " + a.ca : "not checked (no --ca)") << "\n";
  return kExitOk;
}

bool sign_report(const std::string& path, const std::string& content, const std::string& key, const std::string& cert) {
  auto sig = report::sign_detached(content, key, cert.empty() ? key : cert);
  if (!sig) {
    std::cerr << "pedigree: cannot sign " << path << ": " << sig.error().message << "\n";
    return false;
  }
  auto st = report::write_file_atomically(path + ".sig", *sig);
  if (!st) {
    std::cerr << "pedigree: cannot write signature: " << st.error().message << "\n";
    return false;
  }
  return true;
}

}  // namespace pedigree::cli
