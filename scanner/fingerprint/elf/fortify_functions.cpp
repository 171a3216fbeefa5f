#include "scanner/fingerprint/elf/fortify_functions.h"

#include <algorithm>
#include <array>

namespace pedigree::fingerprint {
namespace {

constexpr std::string_view kChk = "_chk";

// glibc 2.36's `__*_chk` exports, without the leading `__` and the `_chk`.
// Sorted, for binary search. The list is what checksec compares against on a
// Debian 12 host, so the counts agree with it.
constexpr std::array<std::string_view, 79> kFortifiable{
    "asprintf",       "confstr",  "dprintf",         "explicit_bzero", "fdelt",          "fgets",
    "fgets_unlocked", "fgetws",   "fgetws_unlocked", "fprintf",        "fread",          "fread_unlocked",
    "fwprintf",       "getcwd",   "getdomainname",   "getgroups",      "gethostname",    "getlogin_r",
    "gets",           "getwd",    "longjmp",         "mbsnrtowcs",     "mbsrtowcs",      "mbstowcs",
    "memcpy",         "memmove",  "mempcpy",         "memset",         "obstack_printf", "obstack_vprintf",
    "poll",           "ppoll",    "pread",           "pread64",        "printf",         "ptsname_r",
    "read",           "readlink", "readlinkat",      "realpath",       "recv",           "recvfrom",
    "snprintf",       "sprintf",  "stpcpy",          "stpncpy",        "strcat",         "strcpy",
    "strncat",        "strncpy",  "swprintf",        "syslog",         "ttyname_r",      "vasprintf",
    "vdprintf",       "vfprintf", "vfwprintf",       "vprintf",        "vsnprintf",      "vsprintf",
    "vswprintf",      "vsyslog",  "vwprintf",        "wcpcpy",         "wcpncpy",        "wcrtomb",
    "wcscat",         "wcscpy",   "wcsncat",         "wcsncpy",        "wcsnrtombs",     "wcsrtombs",
    "wcstombs",       "wctomb",   "wmemcpy",         "wmemmove",       "wmempcpy",       "wmemset",
    "wprintf",
};

}  // namespace

bool is_fortifiable(std::string_view name) {
  return std::binary_search(kFortifiable.begin(), kFortifiable.end(), name);
}

bool is_fortified(std::string_view name) {
  return name.size() > kChk.size() && name.ends_with(kChk) && is_fortifiable(name.substr(0, name.size() - kChk.size()));
}

}  // namespace pedigree::fingerprint
