#include "scanner/fingerprint/metadata/kernel_release.h"

#include <array>

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kVermagic = "vermagic=";
constexpr std::string_view kModuleSuffix = ".ko";
constexpr std::string_view kModulesDir = "/lib/modules/";
constexpr std::array<std::string_view, 3> kModuleIndexes = {"modules.dep", "modules.order", "modules.builtin"};
constexpr std::size_t kMaxRelease = 64;
constexpr std::size_t kMaxVersionParts = 3;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// A release is a printable token without spaces.
bool plausible_release(std::string_view r) {
  if (r.empty() || r.size() > kMaxRelease || !is_digit(r.front())) return false;
  for (unsigned char c : r) {
    if (c <= 0x20 || c >= 0x7f || c == '/') return false;
  }
  return true;
}

ComponentHit linux_hit(std::string_view release, std::string_view kind, const FileRef& file, std::uint64_t offset,
                       std::string text) {
  ComponentHit h;
  h.name = "linux";
  h.version = kernel_release_version(release);
  h.evidence.kind = std::string(kind);
  h.evidence.source = file.path;
  h.evidence.origin = file.origin;
  h.evidence.offset = offset;
  h.evidence.text = std::move(text);
  h.evidence.version = h.version;
  return h;
}

void from_module(const FileRef& file, Facts& out) {
  auto text = as_chars(file.data);
  auto at = text.find(kVermagic);
  if (at == std::string_view::npos) return;
  auto value = text.substr(at + kVermagic.size());
  value = value.substr(0, value.find('\0'));
  auto release = value.substr(0, value.find(' '));
  if (!plausible_release(release)) return;
  out.components.push_back(linux_hit(release, "vermagic", file, at, std::string(value.substr(0, kMaxRelease * 2))));
}

void from_modules_dir(const FileRef& file, Facts& out) {
  auto dir = file.path.find(kModulesDir);
  if (dir == std::string::npos) return;
  std::string_view rest = std::string_view(file.path).substr(dir + kModulesDir.size());
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return;
  auto release = rest.substr(0, slash);
  auto leaf = rest.substr(slash + 1);
  bool index = false;
  for (auto name : kModuleIndexes) index = index || leaf == name;
  if (!index || !plausible_release(release)) return;
  out.components.push_back(
      linux_hit(release, "filename", file, 0, std::string(kModulesDir) + std::string(release) + "/"));
}

}  // namespace

std::string kernel_release_version(std::string_view release) {
  std::array<std::size_t, kMaxVersionParts> parts{};
  std::size_t n = 0, i = 0;
  while (n < kMaxVersionParts && i < release.size() && is_digit(release[i])) {
    std::size_t v = 0;
    while (i < release.size() && is_digit(release[i]) && v < 100000) v = v * 10 + (release[i++] - '0');
    parts[n++] = v;
    if (i < release.size() && release[i] == '.' && i + 1 < release.size() && is_digit(release[i + 1]))
      ++i;
    else
      break;
  }
  if (n < 2) return {};
  auto rest = release.substr(i);
  // X.Y.0-N-...: a distribution ABI name, not the upstream patch level.
  if (n == 3 && parts[2] == 0 && rest.size() > 1 && rest[0] == '-' && is_digit(rest[1])) return {};
  return std::string(release.substr(0, i));
}

void KernelReleaseAnalyzer::analyze(const FileRef& file, Facts& out) const {
  if (file.path.ends_with(kModuleSuffix))
    from_module(file, out);
  else
    from_modules_dir(file, out);
}

}  // namespace pedigree::fingerprint
