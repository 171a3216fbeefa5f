#include "scanner/core/hash.h"

#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <cmath>

namespace pedigree {

std::string sha256_hex(ByteView data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 0xf]);
  }
  return out;
}

double shannon_entropy(ByteView data) {
  if (data.empty()) return 0.0;
  std::array<std::uint64_t, 256> counts{};
  for (auto b : data) ++counts[b];
  double h = 0.0;
  const auto n = static_cast<double>(data.size());
  for (auto c : counts) {
    if (c == 0) continue;
    double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h;
}

std::uint32_t crc32_update(std::uint32_t crc, ByteView data) {
  // zlib's crc32 takes a uInt length; feed large inputs in pieces.
  while (!data.empty()) {
    auto n = static_cast<uInt>(std::min<std::size_t>(data.size(), 1U << 30));
    crc = static_cast<std::uint32_t>(::crc32(crc, data.data(), n));
    data = data.subspan(n);
  }
  return crc;
}

}  // namespace pedigree
