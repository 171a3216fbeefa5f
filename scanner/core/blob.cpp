#include "scanner/core/blob.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pedigree {
namespace {

/// Owns one read-only mapping.
struct Mapping {
  void* addr = nullptr;
  std::size_t len = 0;
  Mapping(void* a, std::size_t l) : addr(a), len(l) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (addr != nullptr) munmap(addr, len);
  }
};

}  // namespace

Blob Blob::from_vector(std::vector<std::uint8_t> bytes) {
  auto owner = std::make_shared<const std::vector<std::uint8_t>>(std::move(bytes));
  ByteView view(owner->data(), owner->size());
  return Blob(std::move(owner), view);
}

Blob Blob::from_string(std::string_view s) { return from_vector(std::vector<std::uint8_t>(s.begin(), s.end())); }

Result<Blob> Blob::map_file(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(Errc::kIo, path + ": " + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return make_error(Errc::kIo, path + ": not a regular file");
  }
  if (st.st_size == 0) {
    close(fd);
    return Blob();
  }
  auto len = static_cast<std::size_t>(st.st_size);
  void* addr = mmap(nullptr, len, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (addr == MAP_FAILED) return make_error(Errc::kIo, path + ": mmap: " + std::strerror(errno));
  madvise(addr, len, MADV_SEQUENTIAL);
  auto owner = std::make_shared<const Mapping>(addr, len);
  return Blob(std::move(owner), ByteView(static_cast<const std::uint8_t*>(addr), len));
}

Blob Blob::sub(std::uint64_t offset, std::uint64_t length) const {
  if (offset > view_.size()) return Blob(owner_, {});
  std::uint64_t avail = view_.size() - offset;
  return Blob(owner_, view_.subspan(offset, length < avail ? length : avail));
}

}  // namespace pedigree
