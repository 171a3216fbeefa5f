#include "scanner/security/system_analyzers.h"

#include "scanner/security/account_files.h"
#include "scanner/security/config_secrets.h"
#include "scanner/security/init_services.h"

namespace pedigree::security {

void AccountsAnalyzer::analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const {
  auto accounts = parse_account_file(file.data);
  if (!accounts.empty()) {
    for (auto& a : accounts) {
      a.origin = file.origin;
      out.security.accounts.push_back(std::move(a));
    }
    return;
  }
  for (auto& s : find_config_secrets(file.data)) {
    s.origin = file.origin;
    out.security.secrets.push_back(std::move(s));
  }
}

void ServicesAnalyzer::analyze(const fingerprint::FileRef& file, fingerprint::Facts& out) const {
  std::string_view kind = init_file_kind(file.path);
  if (kind.empty()) return;
  fingerprint::SecurityFacts found = parse_init_file(kind, file.data);
  for (auto& s : found.services) s.origin = file.origin;
  for (auto& s : found.ssh_settings) s.origin = file.origin;
  out.security.append(std::move(found));
}

}  // namespace pedigree::security
