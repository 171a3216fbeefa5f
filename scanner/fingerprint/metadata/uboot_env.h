// U-Boot environments (what `mkenvimage` and `fw_setenv` write, and what
// U-Boot keeps in a flash partition):
//
//   offset 0   u32 CRC32 (little-endian) of the data area
//   offset 4   u8 flags      (redundant environments only: CONFIG_ENV_OFFSET_REDUND)
//   then       the data area: "name=value\0" ... "\0", padded with 0x00 or
//              0xff to the environment's size; the CRC covers all of it,
//              padding included.
//
// The size is not stored. A block is found from a variable almost every
// environment has (bootcmd, bootdelay, baudrate, bootargs, ethaddr): its
// header sits on a 512-byte boundary (a flash page or the start of a file)
// before an unbroken run of variables; the sizes tried are the powers of two
// from 4 KiB to 1 MiB and the rest of the file. A block whose CRC matches no
// size is reported with crc_ok false only when what follows its variables is
// fill up to the next size tried, so that the default environment compiled
// into a U-Boot binary (no header, code after it) is not taken for one.
#pragma once

#include <string>
#include <vector>

#include "scanner/core/bytes.h"
#include "scanner/fingerprint/analyzer.h"

namespace pedigree::fingerprint {

/// Header alignment searched for, and the sizes tried.
inline constexpr std::uint64_t kUBootEnvAlign = 512;
inline constexpr std::uint64_t kUBootEnvMinSize = 4096;
inline constexpr std::uint64_t kUBootEnvMaxSize = 1u << 20;
/// Farthest a marker variable may sit from the first variable.
inline constexpr std::uint64_t kUBootEnvMaxLead = 16 * 1024;
/// Most marker occurrences examined in one file.
inline constexpr std::size_t kUBootEnvMaxMarkers = 64;

/// Every environment block in `data` (origin left empty).
std::vector<UBootEnvironment> uboot_environments(ByteView data);

/// What a report warning says about a block whose CRC32 does not match.
std::string uboot_env_warning(const UBootEnvironment& e);

/// The CRC32 U-Boot stores (zlib's) of `data`.
std::uint32_t uboot_env_crc(ByteView data);

class UBootEnvAnalyzer final : public Analyzer {
 public:
  std::string_view name() const override { return "uboot-env"; }
  void analyze(const FileRef& file, Facts& out) const override;
};

}  // namespace pedigree::fingerprint
