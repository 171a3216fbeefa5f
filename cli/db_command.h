// `pedigree db info | build | import KIND FILE | verify`: the provenance
// database's subcommand group, and the global --db option.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace pedigree::cli {

/// Arguments of the db subcommands, filled by CLI11.
struct DbArgs {
  std::string db;   ///< --db PATH (global or per subcommand); empty: the default
  std::string out;  ///< build --out
  std::string seed_dir = "db/seed";
  std::string kind;  ///< import KIND
  std::string file;  ///< import FILE
  std::string now;   ///< info --now YYYY-MM-DD
  int max_age_days = 180;
  bool quiet = false;
  CLI::App* group = nullptr;
  CLI::App* info = nullptr;
  CLI::App* build = nullptr;
  CLI::App* import = nullptr;
  CLI::App* verify = nullptr;
};

/// Adds the global --db option and the db subcommand group to `app`.
void add_db_commands(CLI::App& app, DbArgs& args);

/// Runs the db subcommand that was parsed; returns the exit code.
int run_db_command(const DbArgs& args);

/// The database a command uses: --db when given, else the bundled default.
std::string resolve_db_path(const std::string& db_option);

}  // namespace pedigree::cli
