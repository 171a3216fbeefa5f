// A compiled YARA rule set: compiled once, immutable, shared by every thread.
//
// This header is the only door to libyara: no YR_* type leaves yara_rules.cpp.
// Each thread scans with its own scanner, created on first use and kept for
// the thread's lifetime, so a scan costs no set-up.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/core/result.h"

namespace pedigree::fingerprint::yara {

/// One rule source file: its name (for errors and the rules hash) and text.
struct RuleText {
  std::string name;
  std::string text;
};

/// What a rule declares, read once after compiling.
struct RuleInfo {
  std::string id;                           ///< rule identifier, unique in the set
  std::map<std::string, std::string> meta;  ///< string meta values
};

/// One occurrence of one of a rule's strings.
struct StringMatch {
  std::string identifier;  ///< "$v1"
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
};

/// A rule whose condition held, with the occurrences of its strings.
struct RuleMatch {
  std::size_t rule = 0;  ///< index into CompiledRules::rules()
  std::vector<StringMatch> strings;
};

/// Occurrences kept per string: enough to skip a version in help text and
/// find the banner, bounded so that a repetitive file cannot grow memory.
inline constexpr std::size_t kMaxMatchesPerString = 16;
/// A scan of one buffer gives up after this many seconds.
inline constexpr int kScanTimeoutSeconds = 120;

class CompiledRules {
 public:
  /// Compiles every file into one namespace (rule ids must be unique). An
  /// error names the file and line: "busybox.yar:12: syntax error, ...".
  static Result<std::shared_ptr<const CompiledRules>> compile(const std::vector<RuleText>& files);

  /// Loads rules saved by save() (the same libyara version must read them).
  static Result<std::shared_ptr<const CompiledRules>> load(ByteView compiled);

  ~CompiledRules();
  CompiledRules(const CompiledRules&) = delete;
  CompiledRules& operator=(const CompiledRules&) = delete;

  const std::vector<RuleInfo>& rules() const { return info_; }
  /// Compiler warnings ("file:line: string "$a" may slow down scanning").
  const std::vector<std::string>& warnings() const { return warnings_; }
  /// Every matching rule, in rule order. Safe to call from several threads.
  Result<std::vector<RuleMatch>> scan(ByteView data) const;
  /// Writes the compiled form (what `yara -C` loads).
  Status save(const std::string& path) const;

  struct Impl;

 private:
  explicit CompiledRules(std::unique_ptr<Impl> impl);
  /// Indexes the rules of `impl` and reads their meta.
  static std::shared_ptr<const CompiledRules> index(std::unique_ptr<Impl> impl, std::vector<std::string> warnings);
  std::unique_ptr<Impl> impl_;
  std::vector<RuleInfo> info_;
  std::vector<std::string> warnings_;
};

}  // namespace pedigree::fingerprint::yara
