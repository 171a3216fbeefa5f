// Extraction to disk: nothing may land outside the output root.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scanner/unpack/disk_writer.h"
#include "scanner/unpack/safe_path.h"
#include "tests/support/unpack_helpers.h"

namespace pedigree {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "pedigree-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

unpack::UnpackResult extract_to(const std::string& image, const fs::path& dir) {
  auto writer = unpack::DiskWriter::open(dir.string());
  REQUIRE(writer.ok());
  return unpack::unpack_image(Blob::from_string(image), "image.bin", Limits{}, writer->get());
}

TEST_CASE("safe_path: '..' is refused, absolute paths become relative, control characters are replaced") {
  CHECK(unpack::sanitize_member_path("../../etc/passwd").refused);
  CHECK(unpack::sanitize_member_path("a/../../b").refused);
  CHECK(unpack::sanitize_member_path("/etc/passwd").path == "/etc/passwd");
  CHECK(unpack::sanitize_member_path("./usr//bin/./ls").path == "/usr/bin/ls");
  auto ctl = unpack::sanitize_member_path("evil\x1b[2Jname");
  CHECK(ctl.path == "/evil_[2Jname");
  CHECK(!ctl.problems.empty());
}

TEST_CASE("safe_path: symlink targets resolve inside their layer or not at all") {
  CHECK(unpack::resolve_link_in_layer("/bin/sh", "busybox") == "/bin/busybox");
  CHECK(unpack::resolve_link_in_layer("/bin/sh", "/bin/busybox") == "/bin/busybox");
  CHECK(unpack::resolve_link_in_layer("/lib/a", "../usr/lib/a") == "/usr/lib/a");
  CHECK(unpack::resolve_link_in_layer("/a", "../../etc/passwd").empty());
}

TEST_CASE("disk_writer: a hostile tar writes nothing outside the output root") {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  std::string tar = test::make_tar({
      {"../evil", "escaped"},
      {"/etc/abs", "absolute"},
      {"link-out", "", 0777, "../../../../etc/passwd"},
      {"link-abs", "", 0777, "/etc/abs"},
      {"link-out/owned", "through the link"},
      {"ok/file", "fine", 04755},
  });
  auto r = extract_to(tar, out);
  CHECK(!fs::exists(tmp.path / "evil"));
  CHECK(test::has_warning(r, "unsafe-path", "../evil"));
  fs::path layer = out / "0x0.tar";
  CHECK(slurp(layer / "etc/abs") == "absolute");
  CHECK(!fs::is_symlink(layer / "link-out"));                    // escaping symlink: not created…
  CHECK(slurp(layer / "link-out/owned") == "through the link");  // …so this stays inside
  CHECK(fs::read_symlink(layer / "link-abs") == "etc/abs");      // absolute target made relative
  CHECK(slurp(layer / "ok/file") == "fine");
  struct stat st {};
  REQUIRE(stat((layer / "ok/file").c_str(), &st) == 0);
  CHECK((st.st_mode & 07000) == 0);                        // setuid dropped on disk
  CHECK(test::find_member(r, "/ok/file")->mode == 04755);  // but kept in the report
  // Every path under the root resolves inside it.
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    auto canon = fs::weakly_canonical(e.path());
    CHECK(canon.string().rfind(fs::weakly_canonical(out).string(), 0) == 0);
  }
}

TEST_CASE("disk_writer: a tar of 20000 files extracts completely") {
  std::vector<test::TarMember> members;
  for (int i = 0; i < 20000; ++i)
    members.push_back({"d" + std::to_string(i % 50) + "/f" + std::to_string(i), std::to_string(i)});
  auto r = test::unpack_bytes(test::make_tar(members));
  std::size_t files = 0;
  for (const auto& n : r.tree.nodes) files += n.kind == unpack::NodeKind::kFile ? 1 : 0;
  CHECK(files == 20000 + 1);  // plus the image itself
  CHECK(r.warnings.empty());
}

TEST_CASE("disk_writer: the file-count limit stops a huge archive with a warning") {
  std::vector<test::TarMember> members;
  for (int i = 0; i < 300; ++i) members.push_back({"f" + std::to_string(i), "x"});
  Limits limits;
  limits.max_files = 100;
  auto r = test::unpack_bytes(test::make_tar(members), limits);
  CHECK(test::has_warning(r, "limit", "file count"));
  CHECK(r.tree.nodes.size() < 110);
}

}  // namespace
}  // namespace pedigree
