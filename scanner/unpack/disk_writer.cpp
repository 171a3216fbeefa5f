#include "scanner/unpack/disk_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "scanner/unpack/safe_path.h"

namespace pedigree::unpack {
namespace {

/// An fd that closes itself.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::vector<std::string> components(const std::string& rel) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < rel.size()) {
    auto slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    if (slash > start) out.push_back(rel.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

/// Opens (creating) each directory below root without following any symlink.
Result<Fd> open_dirs(int root_fd, const std::vector<std::string>& dirs) {
  Fd cur(dup(root_fd));
  for (const auto& name : dirs) {
    if (mkdirat(cur.get(), name.c_str(), 0755) != 0 && errno != EEXIST) {
      return make_error(Errc::kIo, fmt::format("mkdir {}: {}", name, std::strerror(errno)));
    }
    int fd = openat(cur.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
      return make_error(Errc::kIo,
                        fmt::format("{}: not a directory inside the output ({})", name, std::strerror(errno)));
    cur = Fd(fd);
  }
  return cur;
}

Status write_file(int dir_fd, const std::string& name, ByteView data, std::uint32_t mode) {
  unlinkat(dir_fd, name.c_str(), 0);  // a container may hold the same path twice: the last one wins
  Fd fd(openat(dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.get() < 0) return make_error(Errc::kIo, fmt::format("create {}: {}", name, std::strerror(errno)));
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd.get(), data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return make_error(Errc::kIo, fmt::format("write {}: {}", name, std::strerror(errno)));
    done += static_cast<std::size_t>(n);
  }
  // Keep permission bits but never setuid/setgid/sticky on the auditor's disk.
  fchmod(fd.get(), (mode & 0777) | 0600);
  return Ok{};
}

/// Symlink target rewritten relative to the link, or empty if it leaves the layer.
std::string safe_link_target(const std::string& link_path, const std::string& target) {
  std::string resolved = resolve_link_in_layer(link_path, target);
  if (resolved.empty()) return {};
  auto link_dirs = components(link_path);
  link_dirs.pop_back();
  std::string rel;
  for (std::size_t i = 0; i < link_dirs.size(); ++i) rel += "../";
  auto parts = components(resolved);
  for (std::size_t i = 0; i < parts.size(); ++i) rel += (i ? "/" : "") + parts[i];
  return rel.empty() ? "." : rel;
}

}  // namespace

Result<std::unique_ptr<DiskWriter>> DiskWriter::open(const std::string& root) {
  // Like `mkdir -p`: the user names where the tree goes, parents included.
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) return make_error(Errc::kIo, fmt::format("{}: {}", root, ec.message()));
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return make_error(Errc::kIo, fmt::format("{}: {}", root, std::strerror(errno)));
  return std::unique_ptr<DiskWriter>(new DiskWriter(fd));
}

DiskWriter::~DiskWriter() { close(root_fd_); }

std::string DiskWriter::relative_path(const std::vector<const Node*>& chain) {
  std::string rel;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const Node* n = chain[i];
    if (n->kind == NodeKind::kLayer) {
      // The image's layers sit at the top; a member's beside it.
      if (!rel.empty()) rel += ".extracted";
      rel += fmt::format("{}0x{:x}.{}", rel.empty() ? "" : "/", n->offset, n->format);
    } else {
      rel += n->path;
    }
  }
  return rel;
}

void DiskWriter::visit(const std::vector<const Node*>& chain, const Blob& data, std::vector<std::string>& warnings) {
  const Node& node = *chain.back();
  if (chain.size() == 1) return;  // the image itself is not copied
  auto parts = components(relative_path(chain));
  if (parts.empty()) return;
  std::string name = parts.back();
  parts.pop_back();
  if (node.kind == NodeKind::kDir) parts.push_back(name);
  auto dir = open_dirs(root_fd_, parts);
  if (!dir) {
    warnings.push_back(fmt::format("not written: {}", dir.error().message));
    return;
  }
  switch (node.kind) {
    case NodeKind::kFile: {
      auto st = write_file(dir->get(), name, data.view(), node.mode);
      if (!st) warnings.push_back(fmt::format("not written: {}", st.error().message));
      break;
    }
    case NodeKind::kSymlink: {
      std::string target = safe_link_target(node.path, node.link_target);
      if (target.empty()) {
        warnings.push_back(
            fmt::format("symlink {} -> {} points outside its container: not created", node.path, node.link_target));
      } else {
        unlinkat(dir->get(), name.c_str(), 0);
        if (symlinkat(target.c_str(), dir->get(), name.c_str()) != 0) {
          warnings.push_back(fmt::format("symlink {}: {}", node.path, std::strerror(errno)));
        }
      }
      break;
    }
    case NodeKind::kHardlink:
      // The target's bytes are already on disk under its own name; a second
      // name adds nothing an auditor needs and could alias files across layers.
      warnings.push_back(fmt::format("hard link {} -> {} recorded, not created", node.path, node.link_target));
      break;
    case NodeKind::kSpecial: warnings.push_back(fmt::format("device node {} recorded, not created", node.path)); break;
    default: break;
  }
}

}  // namespace pedigree::unpack
