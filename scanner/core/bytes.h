// Bounds-checked reads from untrusted byte buffers.
//
// Every offset, length and count read from firmware is attacker-controlled, so
// no code casts pointers into input buffers: reads go through ByteReader,
// which fails instead of reading past the end, and checked_add/in_bounds guard
// arithmetic on input-supplied sizes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>

namespace pedigree {

using ByteView = std::span<const std::uint8_t>;

inline std::string_view as_chars(ByteView b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

inline ByteView as_bytes(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

/// True when [offset, offset+length) lies inside a buffer of `size` bytes.
inline bool in_bounds(std::uint64_t offset, std::uint64_t length, std::uint64_t size) {
  return offset <= size && length <= size - offset;
}

/// Sub-view that is empty when the range does not fit.
inline ByteView slice(ByteView b, std::uint64_t offset, std::uint64_t length) {
  if (!in_bounds(offset, length, b.size())) return {};
  return b.subspan(offset, length);
}

/// Sub-view from offset to the end (empty when offset is past the end).
inline ByteView tail(ByteView b, std::uint64_t offset) { return offset <= b.size() ? b.subspan(offset) : ByteView{}; }

enum class Endian { kLittle, kBig };

class ByteReader {
 public:
  explicit ByteReader(ByteView data, Endian endian = Endian::kLittle) : data_(data), endian_(endian) {}

  std::size_t size() const { return data_.size(); }
  ByteView data() const { return data_; }
  Endian endian() const { return endian_; }

  std::optional<std::uint8_t> u8(std::uint64_t off) const {
    if (!in_bounds(off, 1, data_.size())) return std::nullopt;
    return data_[off];
  }
  std::optional<std::uint16_t> u16(std::uint64_t off) const { return read_uint<std::uint16_t>(off); }
  std::optional<std::uint32_t> u32(std::uint64_t off) const { return read_uint<std::uint32_t>(off); }
  std::optional<std::uint64_t> u64(std::uint64_t off) const { return read_uint<std::uint64_t>(off); }

  /// Bytes [off, off+len), or nullopt when they are not all there.
  std::optional<ByteView> bytes(std::uint64_t off, std::uint64_t len) const {
    if (!in_bounds(off, len, data_.size())) return std::nullopt;
    return data_.subspan(off, len);
  }

  /// NUL-terminated string inside a fixed-size field.
  std::optional<std::string_view> cstr(std::uint64_t off, std::uint64_t field_len) const {
    auto b = bytes(off, field_len);
    if (!b) return std::nullopt;
    auto s = as_chars(*b);
    return s.substr(0, s.find('\0'));
  }

  bool matches(std::uint64_t off, std::string_view magic) const {
    auto b = bytes(off, magic.size());
    return b && std::memcmp(b->data(), magic.data(), magic.size()) == 0;
  }

 private:
  template <typename T>
  std::optional<T> read_uint(std::uint64_t off) const {
    if (!in_bounds(off, sizeof(T), data_.size())) return std::nullopt;
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      std::size_t shift = endian_ == Endian::kLittle ? i : sizeof(T) - 1 - i;
      v |= static_cast<T>(static_cast<T>(data_[off + i]) << (8 * shift));
    }
    return v;
  }

  ByteView data_;
  Endian endian_;
};

/// Aligns v up to a power-of-two boundary; saturates instead of wrapping.
inline std::uint64_t align_up(std::uint64_t v, std::uint64_t align) {
  std::uint64_t r = (v + align - 1) & ~(align - 1);
  return r < v ? UINT64_MAX : r;
}

}  // namespace pedigree
