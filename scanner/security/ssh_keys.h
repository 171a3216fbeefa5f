// SSH private key files:
//  - OpenSSH "openssh-key-v1" (the decoded body of "OPENSSH PRIVATE KEY"):
//    magic "openssh-key-v1\0", string cipher, string kdf, string kdf options,
//    uint32 key count, then each public key blob as a string;
//  - Dropbear host keys (/etc/dropbear/dropbear_*_host_key): the key type as
//    an SSH string, then its numbers in SSH wire format (RFC 4251 string and
//    mpint), with nothing after them;
//  - PuTTY .ppk (versions 2 and 3): "PuTTY-User-Key-File-N: <type>" text with
//    "Encryption:", and the base64 public blob after "Public-Lines: N".
#pragma once

#include <optional>

#include "scanner/core/bytes.h"
#include "scanner/report/report.h"

namespace pedigree::security {

/// Largest file taken for a Dropbear or PuTTY key (real ones are under 4 KiB).
inline constexpr std::size_t kMaxSshKeyFile = 16 * 1024;

std::optional<report::PrivateKey> parse_openssh_key(ByteView decoded);
std::optional<report::PrivateKey> parse_dropbear_key(ByteView file);
std::optional<report::PrivateKey> parse_putty_key(ByteView file);

}  // namespace pedigree::security
