#include "xlsx/number_format.h"

#include <cmath>

#include <fmt/format.h>

namespace arsanalys::xlsx {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// `[h]`, `[mm]`, `[ss]`: elapsed-time brackets, which are time formats.
bool is_elapsed_bracket(std::string_view inside) {
  if (inside.empty()) return false;
  char first = lower(inside[0]);
  if (first != 'h' && first != 'm' && first != 's') return false;
  for (char c : inside) {
    if (lower(c) != first) return false;
  }
  return true;
}

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> y, m, d.
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += (m <= 2);
}

}  // namespace

std::string_view builtin_format_code(std::uint32_t id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: return "mm-dd-yy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "m/d/yy h:mm";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mmss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return "";
  }
}

bool is_date_format(std::uint32_t id, std::string_view code) {
  if (code.empty()) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
  }
  if (iequals(code, "General") || code == "@") return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    switch (c) {
      case ';':
        return false;  // only the first (positive) section decides
      case '"': {
        std::size_t close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        ++i;  // the next character is a literal, a padding or a fill
        break;
      case '[': {
        std::size_t close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        if (is_elapsed_bracket(code.substr(i + 1, close - i - 1))) return true;
        i = close;  // a colour, a condition or a locale
        break;
      }
      default:
        switch (lower(c)) {
          case 'd': case 'm': case 'y': case 'h': case 's':
            return true;
          default:
            break;
        }
    }
  }
  return false;
}

bool is_date_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466.0) return false;
  // Rounded to the second as serial_to_iso does; the last day is 9999-12-31.
  auto days = static_cast<long long>(std::round(serial * 86400.0)) / 86400;
  return days <= (date1904 ? 2957003 : 2958465);
}

std::optional<std::string> serial_to_iso(double serial, bool date1904) {
  if (!is_date_serial(serial, date1904)) return std::nullopt;
  // Round to the second first, so 0.99999999 of a day becomes the next midnight.
  double whole_seconds = std::round(serial * 86400.0);
  auto total = static_cast<long long>(whole_seconds);
  long long days = total / 86400;
  long long seconds = total % 86400;
  long long y;
  unsigned m, d;
  if (date1904) {
    civil_from_days(days - 24107, y, m, d);  // 1904-01-01 is 24107 days before 1970-01-01
  } else if (days == 60) {
    y = 1900, m = 2, d = 29;  // Lotus 1-2-3's leap day, which Excel keeps
  } else {
    // Serial 1 is 1900-01-01; from 61 on the fictitious leap day shifts the count by one.
    long long from_epoch = days < 60 ? days - 25568 : days - 25569;
    civil_from_days(from_epoch, y, m, d);
  }
  if (seconds == 0) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, seconds / 3600,
                     (seconds / 60) % 60, seconds % 60);
}

}  // namespace arsanalys::xlsx
