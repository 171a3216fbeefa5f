// Fuzz targets for the security parsers, chosen at build time with
// PEDIGREE_FUZZ_PARSER: "crypto" (PEM, DER and SSH key scanners), "accounts"
// (passwd/shadow/htpasswd and clear-text credentials), "init" (inittab, rc
// scripts, units, inetd, SSH settings). Like fuzz_format.cpp: libFuzzer with
// clang, otherwise a replay tool over files named on the command line.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "fuzz/replay_main.h"
#include "scanner/security/account_files.h"
#include "scanner/security/config_secrets.h"
#include "scanner/security/crypto_analyzer.h"
#include "scanner/security/init_services.h"

namespace {

void run_one(const std::uint8_t* data, std::size_t size) {
  using namespace pedigree;
  // A copy, so that reads past the end are caught by the sanitizers.
  std::vector<std::uint8_t> copy(data, data + size);
  ByteView view(copy);
  std::string_view parser = PEDIGREE_FUZZ_PARSER;
  if (parser == "crypto") {
    (void)security::find_crypto_objects(view);
  } else if (parser == "accounts") {
    (void)security::parse_account_file(view);
    (void)security::find_config_secrets(view);
  } else {
    for (std::string_view kind : {"inittab", "rc", "systemd", "inetd", "xinetd", "sshd-config", "dropbear-config"}) {
      (void)security::parse_init_file(kind, view);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(data, size);
  return 0;
}
