// Result<T>: a value or an error, without exceptions.
//
// Malformed firmware is an expected outcome, not an exceptional one, so every
// parser returns a Result and the caller records the error and scans around it.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pedigree {

enum class Errc {
  kTruncated,    ///< input ends before the structure does
  kBadMagic,     ///< not this format
  kCorrupt,      ///< structure present but inconsistent (checksum, bounds)
  kUnsupported,  ///< valid but a variant we cannot handle
  kLimit,        ///< a configured limit stopped the work
  kIo,           ///< the environment failed (file system, memory map)
};

struct Error {
  Errc code;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error err) : v_(std::move(err)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// A Result with no value.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(Errc code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace pedigree
