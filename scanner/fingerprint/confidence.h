// How sure the scanner is of each fact it reports, and why. Every fact in the
// report carries a level (high, medium, low) and a short basis; this file is
// the one place that decides both.
//
//   certificates  high: OpenSSL parsed the whole PEM block or DER structure.
//   keys          high: OpenSSL (PEM/DER), or a whole openssh-key-v1 / PuTTY
//                 structure, parsed; medium: a Dropbear key, recognised by
//                 its SSH-wire layout alone.
//   credentials   high: a parsed passwd, shadow, htpasswd or .netrc entry;
//                 medium: a Wi-Fi passphrase key; low: a configuration or
//                 script line whose key is named like a password.
//   services      high: a structured init entry (inittab, systemd unit,
//                 procd command, inetd/xinetd); medium: a daemon in command
//                 position in a shell init script; low: a daemon's own
//                 configuration, which does not show that it is started.
//   MAC addresses high: a MAC-named key in a text configuration, or in a
//                 U-Boot environment whose CRC32 checks; medium: a MAC-named
//                 key in a binary; low: a U-Boot environment whose CRC32
//                 does not match (its bytes may be damaged or stale).
//   endpoints     high: named in a text file (configuration or script);
//                 medium: a URL string in a binary; low: a host after a
//                 server-like key in a binary.
// Chipsets are judged by the match step (scanner/match/chipset_resolution.h).
#pragma once

#include <string_view>

#include "scanner/report/report.h"

namespace pedigree::fingerprint {

inline constexpr std::string_view kHigh = "high";
inline constexpr std::string_view kMedium = "medium";
inline constexpr std::string_view kLow = "low";

/// A confidence level and the reason for it.
struct Confidence {
  std::string_view level;
  std::string_view basis;
};

/// Where a network sighting was read from.
enum class Place {
  kText,            ///< a text file: configuration, script, NVRAM defaults
  kBinary,          ///< a file that is not text
  kUBootEnv,        ///< a U-Boot environment whose CRC32 checks
  kUBootEnvBadCrc,  ///< a U-Boot environment whose CRC32 does not match
};

Confidence certificate_confidence(const report::Certificate& c);
Confidence key_confidence(const report::PrivateKey& k);
Confidence credential_confidence(const report::Credential& c);
Confidence service_confidence(const report::Service& s);
Confidence mac_confidence(Place place);
/// `kind`: url, host or ip.
Confidence endpoint_confidence(std::string_view kind, Place place);

/// 3 for high, 2 for medium, 1 for low, 0 for anything else: orders levels.
int confidence_rank(std::string_view level);

/// Sets confidence and basis on every certificate, key, credential and service of `r`.
void assign_security_confidence(report::Report& r);

}  // namespace pedigree::fingerprint
