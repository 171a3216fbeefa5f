// Command-line parsing helpers shared by the subcommands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pedigree::cli {

/// "-o FORMAT[=PATH]"; an empty path means standard output.
struct OutputSpec {
  std::string format;
  std::string path;
};

std::optional<OutputSpec> parse_output_spec(const std::string& arg);

/// "512", "64K", "100M", "4G" (powers of 1024). nullopt when malformed.
std::optional<std::uint64_t> parse_size(const std::string& text);

}  // namespace pedigree::cli
