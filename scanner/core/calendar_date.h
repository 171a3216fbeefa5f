// Calendar dates as days since 1970-01-01 (UTC), for the reference date that
// time-dependent judgements (certificate expiry) are made against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pedigree {

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

/// Parses "YYYY-MM-DD" (a real date between 1900 and 9999); nullopt otherwise.
std::optional<std::int64_t> parse_iso_date(std::string_view text);

/// "YYYY-MM-DD" of a day number.
std::string format_iso_date(std::int64_t days);

/// Today's date in UTC, as "YYYY-MM-DD". The only reader of the clock.
std::string today_utc();

}  // namespace pedigree
