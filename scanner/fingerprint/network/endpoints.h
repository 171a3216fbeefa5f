// Network endpoints a device talks to, found in binaries and configurations:
//  - URLs with a network scheme (http, https, mqtt, mqtts, ws, wss, ftp,
//    tftp, coap, coaps, rtsp, ntp...) anywhere in a file;
//  - bare host names and IPv4 addresses only as the value of a key that names
//    a server ("option server 'pool.ntp.org'", "broker=iot.example.cn",
//    "update_host = 203.0.113.7"), so that file names and version numbers in
//    binaries are not taken for hosts.
// Private, loopback and documentation addresses, reserved example names and
// format strings ("http://%s/") are skipped. One sighting per value per file.
#pragma once

#include <string_view>
#include <vector>

#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Most endpoints kept from one file.
inline constexpr std::size_t kMaxEndpointsPerFile = 512;

/// Distinct endpoints in `text` (origin empty).
std::vector<EndpointSighting> endpoints_in(std::string_view text);

class EndpointAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "endpoints"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
