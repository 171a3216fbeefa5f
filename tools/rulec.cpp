// rulec: compiles rule files into libyara's saved form at build time, so that
// the executable loads its rules instead of compiling them at every start.
//   rulec OUTPUT.yarc RULE.yar...   (rule files in the order to compile them)
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scanner/fingerprint/yara/yara_rules.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: rulec OUTPUT.yarc RULE.yar...\n");
    return 2;
  }
  std::vector<pedigree::fingerprint::yara::RuleText> files;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string path = argv[i];
    files.push_back({path.substr(path.rfind('/') + 1), text.str()});
  }
  auto rules = pedigree::fingerprint::yara::CompiledRules::compile(files);
  if (!rules.ok()) {
    std::fprintf(stderr, "%s\n", rules.error().message.c_str());
    return 1;
  }
  auto saved = (*rules)->save(argv[1]);
  if (!saved.ok()) {
    std::fprintf(stderr, "%s\n", saved.error().message.c_str());
    return 1;
  }
  return 0;
}
