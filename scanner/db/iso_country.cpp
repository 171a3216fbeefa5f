#include "scanner/db/iso_country.h"

namespace pedigree::db {
namespace {

/// The 249 assigned codes, concatenated in alphabetical order (two letters each).
constexpr std::string_view kCodes =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR"
    "CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
    "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
constexpr std::size_t kCodeLength = 2;

}  // namespace

bool is_iso_country(std::string_view code) {
  if (code.size() != kCodeLength) return false;
  // Binary search over the fixed-width, sorted table.
  std::size_t lo = 0, hi = kCodes.size() / kCodeLength;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    std::string_view c = kCodes.substr(mid * kCodeLength, kCodeLength);
    if (c == code) return true;
    if (c < code)
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

}  // namespace pedigree::db
