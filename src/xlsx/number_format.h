#pragma once
// Number formats: which ones make a number a date or time, and converting Excel's date serials.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arsanalys::xlsx {

/// The format code of a built-in number format id, or "" for ids that have none here.
std::string_view builtin_format_code(std::uint32_t id);

/// True when a cell with this format shows a date or a time. Custom codes are read: quoted
/// literals, escapes, colours and locales are skipped, so `# ##0 "tkr"` is a number and
/// `yyyy-mm-dd` or `[h]:mm` a date/time. Built-in ids 14-22, 27-36, 45-47 and 50-58 are dates.
bool is_date_format(std::uint32_t id, std::string_view code);

/// ISO 8601 text of a date serial: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time
/// part. The 1900 system keeps Excel's fictitious 1900-02-29 (serial 60); the 1904 system counts
/// from 1904-01-01. No value for serials before the epoch or past year 9999.
std::optional<std::string> serial_to_iso(double serial, bool date1904);

/// True when serial_to_iso() has a value for the serial (no text is made).
bool is_date_serial(double serial, bool date1904);

}  // namespace arsanalys::xlsx
