#include "scanner/security/ssh_keys.h"

#include <string>
#include <string_view>

#include "scanner/security/openssl_util.h"
#include "scanner/security/pem_scan.h"

namespace pedigree::security {
namespace {

constexpr std::string_view kOpensshMagic{"openssh-key-v1\0", 15};
constexpr std::string_view kPuttyMagic = "PuTTY-User-Key-File-";
constexpr std::size_t kEd25519Public = 32;
constexpr std::size_t kEd25519Private = 64;  // seed then public key, as Dropbear stores it
constexpr std::uint32_t kMaxOpensshKeys = 16;

/// Reads SSH wire-format fields (RFC 4251) from a buffer, bounds-checked.
class Wire {
 public:
  explicit Wire(ByteView d) : r_(d, Endian::kBig) {}
  std::optional<ByteView> str() {
    auto len = r_.u32(pos_);
    if (!len) return std::nullopt;
    auto b = r_.bytes(pos_ + 4, *len);
    if (!b) return std::nullopt;
    pos_ += 4 + *len;
    return b;
  }
  std::optional<std::uint32_t> u32() {
    auto v = r_.u32(pos_);
    if (v) pos_ += 4;
    return v;
  }
  bool at_end() const { return pos_ == r_.size(); }

 private:
  ByteReader r_;
  std::uint64_t pos_ = 0;
};

std::string to_string(ByteView b) { return std::string(as_chars(b)); }

std::string curve_of(std::string_view ssh_curve) {
  if (ssh_curve == "nistp256") return "prime256v1";
  if (ssh_curve == "nistp384") return "secp384r1";
  if (ssh_curve == "nistp521") return "secp521r1";
  return {};
}

void fill_from_pkey(report::PrivateKey& k, const PkeyPtr& key) {
  if (!key) return;
  KeyShape s = key_shape(key.get());
  k.type = s.type;
  k.bits = s.bits;
  k.curve = s.curve;
  k.spki_sha256 = spki_sha256(key.get());
}

/// Describes the key of an SSH public key blob; false when it is not one.
bool describe_public_blob(ByteView blob, report::PrivateKey& k) {
  Wire w(blob);
  auto type = w.str();
  if (!type) return false;
  std::string t = to_string(*type);
  if (t == "ssh-rsa") {
    auto e = w.str(), n = w.str();
    if (!e || !n) return false;
    fill_from_pkey(k, rsa_public_key(*n, *e));
  } else if (t == "ssh-ed25519") {
    auto pub = w.str();
    if (!pub || pub->size() != kEd25519Public) return false;
    fill_from_pkey(k, ed25519_public_key(*pub));
  } else if (t.rfind("ecdsa-sha2-", 0) == 0) {
    auto curve = w.str(), point = w.str();
    if (!curve || !point) return false;
    fill_from_pkey(k, ec_public_key(curve_of(as_chars(*curve)), *point));
  } else if (t == "ssh-dss") {
    auto p = w.str();
    if (!p) return false;
    k.type = "dsa";
    k.bits = static_cast<std::uint32_t>(p->size() * 8 - (p->size() > 0 && (*p)[0] == 0 ? 8 : 0));
  } else {
    return false;
  }
  return !k.type.empty() && k.type != "unknown";
}

std::optional<report::PrivateKey> dropbear_rsa(Wire& w) {
  auto e = w.str(), n = w.str(), d = w.str(), p = w.str(), q = w.str();
  if (!e || !n || !d || !p || !q || !w.at_end() || !rsa_factors_match(*n, *p, *q)) return std::nullopt;
  report::PrivateKey k;
  k.format = "dropbear";
  fill_from_pkey(k, rsa_public_key(*n, *e));
  return k.type == "rsa" ? std::optional(k) : std::nullopt;
}

}  // namespace

std::optional<report::PrivateKey> parse_openssh_key(ByteView decoded) {
  ByteReader r(decoded);
  if (!r.matches(0, kOpensshMagic)) return std::nullopt;
  Wire w(tail(decoded, kOpensshMagic.size()));
  auto cipher = w.str(), kdf = w.str(), kdf_options = w.str();
  auto count = w.u32();
  if (!cipher || !kdf || !kdf_options || !count || *count == 0 || *count > kMaxOpensshKeys) return std::nullopt;
  auto pub = w.str();
  if (!pub) return std::nullopt;
  report::PrivateKey k;
  k.format = "openssh";
  k.encrypted = as_chars(*cipher) != "none";
  if (!describe_public_blob(*pub, k)) return std::nullopt;
  return k;
}

std::optional<report::PrivateKey> parse_dropbear_key(ByteView file) {
  if (file.size() > kMaxSshKeyFile) return std::nullopt;
  Wire w(file);
  auto type = w.str();
  if (!type) return std::nullopt;
  std::string t = to_string(*type);
  if (t == "ssh-rsa") return dropbear_rsa(w);
  report::PrivateKey k;
  k.format = "dropbear";
  if (t == "ssh-ed25519") {
    auto both = w.str();
    if (!both || both->size() != kEd25519Private || !w.at_end()) return std::nullopt;
    fill_from_pkey(k, ed25519_public_key(both->subspan(kEd25519Public)));
  } else if (t.rfind("ecdsa-sha2-", 0) == 0) {
    auto curve = w.str(), point = w.str(), d = w.str();
    if (!curve || !point || !d || !w.at_end()) return std::nullopt;
    fill_from_pkey(k, ec_public_key(curve_of(as_chars(*curve)), *point));
  } else {
    return std::nullopt;
  }
  if (k.type.empty() || k.type == "unknown") return std::nullopt;
  return k;
}

std::optional<report::PrivateKey> parse_putty_key(ByteView file) {
  if (file.size() > kMaxSshKeyFile) return std::nullopt;
  std::string_view s = as_chars(file);
  if (s.rfind(kPuttyMagic, 0) != 0) return std::nullopt;
  auto field = [&](std::string_view name) -> std::string_view {
    std::size_t at = s.find(std::string("\n") + std::string(name) + ": ");
    if (at == std::string_view::npos) return {};
    at += name.size() + 3;
    std::size_t eol = s.find('\n', at);
    std::string_view v = s.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    return v;
  };
  std::string_view lines_text = field("Public-Lines");
  std::size_t start = s.find("\nPublic-Lines: ");
  if (lines_text.empty() || start == std::string_view::npos) return std::nullopt;
  start = s.find('\n', start + 1);
  std::size_t stop = s.find("\nPrivate-Lines:", start == std::string_view::npos ? 0 : start);
  if (start == std::string_view::npos || stop == std::string_view::npos) return std::nullopt;
  std::vector<std::uint8_t> blob;
  if (!decode_base64(s.substr(start, stop - start), blob, kMaxSshKeyFile)) return std::nullopt;
  report::PrivateKey k;
  k.format = "putty-ppk";
  std::string_view enc = field("Encryption");
  k.encrypted = !enc.empty() && enc != "none";
  if (!describe_public_blob(blob, k)) return std::nullopt;
  return k;
}

}  // namespace pedigree::security
