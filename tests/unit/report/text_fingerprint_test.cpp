#include "scanner/report/text_fingerprint.h"

#include <doctest/doctest.h>

namespace pedigree {
namespace {

report::Binary binary(std::string type, bool nx, std::string pie, std::string relro, bool canary) {
  report::Binary b;
  b.type = std::move(type);
  b.nx = nx;
  b.pie = std::move(pie);
  b.relro = std::move(relro);
  b.canary = canary;
  return b;
}

TEST_CASE("text_fingerprint: the architecture lines come with a hardening summary of programs and libraries") {
  report::Report r;
  r.architectures = {"mips 32-bit little-endian (o32): 3 files"};
  r.binaries = {binary("exec", false, "no", "none", false), binary("dyn", true, "yes", "full", true),
                binary("dyn", false, "dso", "partial", true),
                binary("rel", false, "rel", "none", false)};  // a kernel module: not counted
  std::string out;
  report::fingerprint_sections(out, r, false, 20);
  CHECK(out.find("Architecture\n  mips 32-bit little-endian (o32): 3 files\n") != std::string::npos);
  CHECK(out.find("  Hardening: 3 programs and libraries; without NX 2, without PIE 1, without RELRO 1, "
                 "without stack canary 1\n") != std::string::npos);
}

TEST_CASE("text_fingerprint: no binaries, no architecture section") {
  std::string out;
  report::fingerprint_sections(out, report::Report{}, false, 20);
  CHECK(out.empty());
}

}  // namespace
}  // namespace pedigree
