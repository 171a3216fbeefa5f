// Tries the built-in dictionary of default device credentials
// (rules/default_credentials.csv) against password hashes, through
// libxcrypt's crypt_rn (reentrant: safe on several threads).
//
// Budgeted: a fixed number of attempts per hash and a time budget per hash
// and per scan; what the budget skipped is said, never silently dropped.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pedigree::security {

struct CrackBudget {
  /// Attempts per hash (the dictionary is about 70 words).
  std::size_t max_attempts = 256;
  /// Time one hash may take; slow schemes (bcrypt, yescrypt) stop here.
  std::chrono::milliseconds per_hash{3000};
  /// Time all hashes of one scan may take together.
  std::chrono::milliseconds total{30000};
};

struct CrackResult {
  std::optional<std::string> password;  ///< the dictionary word that matched
  bool exhausted = false;               ///< every candidate was tried
  std::size_t attempts = 0;
};

/// The candidates for one user: that user's known defaults first, then every
/// other password of the dictionary, then the user name itself; no repeats.
std::vector<std::string> candidate_passwords(std::string_view user);

/// True when crypt(3) of `password` with `hash` as setting gives `hash`.
bool crypt_matches(std::string_view password, std::string_view hash);

/// Tries the candidates until one matches, they run out or time is up
/// (`deadline` is the scan-wide one).
CrackResult crack_hash(std::string_view hash, std::string_view user, const CrackBudget& budget,
                       std::chrono::steady_clock::time_point deadline);

/// "a****n": first and last character of a secret with the rest masked; all
/// masked when it is shorter than four characters; "(empty)" when empty.
std::string mask_secret(std::string_view secret);

}  // namespace pedigree::security
