#include "scanner/db/db_path.h"

#include <cstdlib>
#include <filesystem>

namespace pedigree::db {

std::string default_db_path() {
  const char* env = std::getenv("PEDIGREE_DB");
  if (env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return kBundledDbName;
  return (exe.parent_path() / kBundledDbName).string();
}

}  // namespace pedigree::db
