#include "scanner/db/input_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <span>
#include <system_error>

#include "scanner/core/hash.h"

namespace pedigree::db {

Result<InputFile> read_input_file(const std::string& path, std::uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return make_error(Errc::kIo, path + ": " + std::strerror(errno));
  auto end = in.tellg();
  if (end < 0) return make_error(Errc::kIo, path + ": cannot determine size");
  auto size = static_cast<std::uint64_t>(end);
  if (size > max_bytes)
    return make_error(Errc::kLimit, path + ": " + std::to_string(size) + " bytes is more than the limit of " +
                                        std::to_string(max_bytes));
  InputFile f;
  f.path = path;
  // Room for the padding JSON parsers want past the end (kInputPadding), so
  // that adding it later does not reallocate and copy the whole file.
  f.bytes.reserve(size + kInputPadding);
  f.bytes.resize(size);
  in.seekg(0);
  if (!in.read(f.bytes.data(), static_cast<std::streamsize>(size)))
    return make_error(Errc::kIo, path + ": read failed");
  f.sha256 = sha256_hex(std::span(reinterpret_cast<const std::uint8_t*>(f.bytes.data()), f.bytes.size()));
  return f;
}

}  // namespace pedigree::db
