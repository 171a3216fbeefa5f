#include "scanner/fingerprint/chipset/boot_banners.h"

#include <doctest/doctest.h>

#include "tests/unit/fingerprint/chipset/evidence_helpers.h"

namespace pedigree::fingerprint {
namespace {

using namespace std::string_literals;

TEST_CASE("boot banners: U-Boot SPL, U-Boot proper and the kernel banner, each once") {
  std::string bin =
      "\x7f"
      "ELF junk\0U-Boot SPL 2023.01+dfsg-2 (Jan 10 2023 - 20:31:55 +0000)\0"
      "\0\0U-Boot 2023.01+dfsg-2 (Jan 10 2023 - 20:31:55 +0000)\0"
      "Linux version 6.1.0-13-armmp (debian-kernel@lists.debian.org) (gcc-12) #1 SMP\n\0"
      "U-Boot SPL 2023.01+dfsg-2 (Jan 10 2023 - 20:31:55 +0000)\0"s;
  auto ev = boot_banners(as_bytes(bin));
  CHECK(test::values_of(ev, "bootloader") ==
        std::vector<std::string>{"U-Boot SPL 2023.01+dfsg-2 (Jan 10 2023 - 20:31:55 +0000)",
                                 "U-Boot 2023.01+dfsg-2 (Jan 10 2023 - 20:31:55 +0000)"});
  CHECK(test::values_of(ev, "kernel") ==
        std::vector<std::string>{"Linux version 6.1.0-13-armmp (debian-kernel@lists.debian.org) (gcc-12) #1 SMP"});
  CHECK(bin.compare(ev.front().offset, 10, "U-Boot SPL") == 0);
}

TEST_CASE("boot banners: messages that only name the program, or format strings, are not banners") {
  std::string bin =
      "\0U-Boot environment is empty\0Das U-Boot 2020.01\0Linux version %s\0"
      "U-Boot SPL \0barebox 2023.02.0 #1\0"s;
  auto ev = boot_banners(as_bytes(bin));
  CHECK(test::values_of(ev, "bootloader") == std::vector<std::string>{"barebox 2023.02.0 #1"});
  CHECK(test::values_of(ev, "kernel").empty());
}

}  // namespace
}  // namespace pedigree::fingerprint
