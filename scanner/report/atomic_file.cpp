#include "scanner/report/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace pedigree::report {

Status write_file_atomically(const std::string& path, std::string_view content) {
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return make_error(Errc::kIo, path + ": " + std::strerror(errno));
  std::size_t done = 0;
  bool ok = true;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  int err = errno;
  ok = ok && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
  ok = (close(fd) == 0) && ok;
  if (!ok || std::rename(name.data(), path.c_str()) != 0) {
    if (ok) err = errno;
    unlink(name.data());
    return make_error(Errc::kIo, path + ": " + std::strerror(err));
  }
  return Ok{};
}

}  // namespace pedigree::report
