// Fuzz target for the package and system metadata readers: every metadata
// analyzer runs over the input under each path it recognises (dpkg and opkg
// status, Buildroot and Yocto manifests, release files, kernel modules,
// library names). Built like fuzz_format.cpp: libFuzzer with clang, else a
// replay tool over the files given on the command line.
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/fingerprint/analyzers.h"

namespace {

constexpr std::array<std::string_view, 12> kPaths = {"/var/lib/dpkg/status",
                                                     "/var/lib/dpkg/status.d/pkg",
                                                     "/usr/lib/opkg/status",
                                                     "/usr/lib/opkg/info/x.control",
                                                     "/legal-info/manifest.csv",
                                                     "/image.manifest",
                                                     "/etc/build",
                                                     "/etc/os-release",
                                                     "/etc/openwrt_release",
                                                     "/etc/openwrt_version",
                                                     "/lib/modules/5.15.1/x.ko",
                                                     "/lib/libz.so.1.2.13"};

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree::fingerprint;
  for (auto path : kPaths) {
    FileRef f;
    f.origin = "fuzz.bin";
    f.path = std::string(path);
    f.data = pedigree::ByteView(data, size);
    Facts out;
    for (const auto* a : default_analyzers()) a->analyze(f, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
