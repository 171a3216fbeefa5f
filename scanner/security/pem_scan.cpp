#include "scanner/security/pem_scan.h"

#include <array>
#include <string_view>

namespace pedigree::security {
namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";
constexpr std::size_t kMaxLabel = 64;

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < kAlphabet.size(); ++i)
    t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  return t;
}
constexpr auto kTable = make_table();

bool label_ok(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabel) return false;
  for (char c : label) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '#' || c == '-')) return false;
  }
  return true;
}

/// Parses the block whose BEGIN marker starts at `pos`; false when malformed.
bool parse_block(std::string_view s, std::size_t pos, PemBlock& block, std::size_t& next) {
  std::size_t label_start = pos + kBegin.size();
  std::size_t label_end = s.find(kDashes, label_start);
  if (label_end == std::string_view::npos || label_end - label_start > kMaxLabel) return false;
  std::string_view label = s.substr(label_start, label_end - label_start);
  if (!label_ok(label)) return false;
  std::size_t body_start = label_end + kDashes.size();
  std::string end_marker = std::string(kEnd) + std::string(label) + std::string(kDashes);
  // The body is bounded: base64 of kMaxPemBody plus line breaks and headers.
  std::size_t window = kMaxPemBody / 3 * 4 + kMaxPemBody / 32 + 1024;
  std::size_t end = s.substr(body_start, window).find(end_marker);
  if (end == std::string_view::npos) return false;
  std::string_view body = s.substr(body_start, end);
  next = body_start + end + end_marker.size();
  // RFC 1421 headers end with an empty line.
  block.proc_encrypted = body.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos;
  if (body.find(':') != std::string_view::npos) {
    std::size_t blank = body.find("\n\n");
    if (blank == std::string_view::npos) blank = body.find("\r\n\r\n");
    if (blank == std::string_view::npos) return false;
    body = body.substr(blank);
  }
  block.label = std::string(label);
  block.offset = pos;
  return decode_base64(body, block.body, kMaxPemBody) && !block.body.empty();
}

}  // namespace

bool decode_base64(std::string_view text, std::vector<std::uint8_t>& out, std::size_t max_out) {
  out.clear();
  std::uint32_t acc = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    std::int8_t v = kTable[static_cast<unsigned char>(c)];
    if (v < 0 || padding) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (out.size() >= max_out) return false;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
    }
  }
  return true;
}

std::vector<PemBlock> find_pem_blocks(ByteView data, std::size_t max_blocks) {
  std::vector<PemBlock> out;
  std::string_view s = as_chars(data);
  std::size_t pos = 0;
  while (out.size() < max_blocks) {
    pos = s.find(kBegin, pos);
    if (pos == std::string_view::npos) break;
    PemBlock block;
    std::size_t next = pos + kBegin.size();
    if (parse_block(s, pos, block, next)) {
      out.push_back(std::move(block));
      pos = next;
    } else {
      pos += kBegin.size();
    }
  }
  return out;
}

}  // namespace pedigree::security
