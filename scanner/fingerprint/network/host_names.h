// What a host in a URL or configuration is: a DNS name, an IPv4 address, and
// whether it is a real, public destination (not private, loopback,
// documentation or a reserved example name).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pedigree::fingerprint {

/// Longest host name DNS allows.
inline constexpr std::size_t kMaxHostName = 253;

/// The four octets when `s` is exactly a dotted-quad IPv4 address.
std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view s);

/// False for this-network, private, shared (CGNAT), loopback, link-local,
/// documentation, benchmarking, multicast and reserved IPv4 ranges.
bool is_public_ipv4(const std::array<std::uint8_t, 4>& ip);

/// True when `host` (lower case) is a syntactically valid DNS name with at
/// least two labels and an alphabetic top-level label.
bool is_dns_name(std::string_view host);

/// Names reserved for examples and local use (RFC 2606, 6761, 6762):
/// example.com/.net/.org and anything under .example, .test, .invalid,
/// .localhost, .local, .lan, .home.arpa.
bool is_reserved_name(std::string_view host);

}  // namespace pedigree::fingerprint
