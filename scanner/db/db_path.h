// Where the bundled provenance database is: $PEDIGREE_DB when set, otherwise
// pedigree.db next to the running executable (the build writes it there).
#pragma once

#include <string>

namespace pedigree::db {

/// File name of the bundled database beside the executable.
inline constexpr const char* kBundledDbName = "pedigree.db";

/// The database to use when no --db is given.
std::string default_db_path();

}  // namespace pedigree::db
