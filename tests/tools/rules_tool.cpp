// rules_tool: the component rules outside a scan, for benchmarks and rule work.
//   rules_tool save FILE          write the compiled built-in rules (for `yara -C`)
//   rules_tool hash               print the rules SHA-256
//   rules_tool scan [-q] PATH...  run the rules over every regular file under PATHs
//                                 (two threads), print one line per sighting
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scanner/core/blob.h"
#include "scanner/fingerprint/component_rules_analyzer.h"
#include "scanner/fingerprint/rule_files.h"

namespace fs = std::filesystem;
using namespace pedigree;
using namespace pedigree::fingerprint;

namespace {

int scan(const std::vector<std::string>& roots, bool quiet) {
  std::vector<std::string> files;
  for (const auto& r : roots) {
    if (fs::is_regular_file(r)) files.push_back(r);
    std::error_code ec;
    if (!fs::is_directory(r, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(r, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file() && !it->is_symlink()) files.push_back(it->path().string());
  }
  ComponentRulesAnalyzer analyzer(builtin_component_rules());
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  auto work = [&] {
    for (std::size_t i; (i = next++) < files.size();) {
      auto blob = Blob::map_file(files[i]);
      if (!blob.ok()) continue;
      FileRef ref{files[i], files[i], "", 0, 0, blob->view()};
      Facts facts;
      analyzer.analyze(ref, facts);
      if (quiet) continue;
      std::lock_guard lock(mu);
      for (const auto& h : facts.components)
        std::printf("%s\t%s\t%s\t%s\t%s\t@0x%llx\t%s\n", h.name.c_str(), h.version.c_str(), h.relation.c_str(),
                    h.evidence.source.c_str(), files[i].c_str(), static_cast<unsigned long long>(h.evidence.offset),
                    h.evidence.text.c_str());
    }
  };
  std::thread t(work);
  work();
  t.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto rules = builtin_component_rules();
  if (!rules) {
    auto compiled = yara::CompiledRules::compile(embedded_rule_files());
    std::fprintf(stderr, "%s\n", compiled.ok() ? "?" : compiled.error().message.c_str());
    return 3;
  }
  if (args.size() == 2 && args[0] == "save") {
    auto st = rules->save(args[1]);
    if (!st.ok()) std::fprintf(stderr, "%s\n", st.error().message.c_str());
    return st.ok() ? 0 : 3;
  }
  if (args.size() == 1 && args[0] == "hash") {
    std::printf("%s\n", rules_sha256().c_str());
    return 0;
  }
  if (args.size() >= 2 && args[0] == "scan") {
    bool quiet = args[1] == "-q";
    return scan({args.begin() + (quiet ? 2 : 1), args.end()}, quiet);
  }
  std::fprintf(stderr, "usage: rules_tool save FILE | hash | scan [-q] PATH...\n");
  return 2;
}
