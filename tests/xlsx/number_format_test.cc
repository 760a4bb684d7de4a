#include "xlsx/number_format.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

using arsanalys::xlsx::builtin_format_code;
using arsanalys::xlsx::is_date_format;
using arsanalys::xlsx::serial_to_iso;

namespace {
std::string iso(double serial, bool date1904 = false) {
  return serial_to_iso(serial, date1904).value_or("<none>");
}
}  // namespace

TEST_CASE("builtin_format_code: the codes of ECMA-376 18.8.30", "[number_format]") {
  CHECK(builtin_format_code(0) == "General");
  CHECK(builtin_format_code(1) == "0");
  CHECK(builtin_format_code(2) == "0.00");
  CHECK(builtin_format_code(3) == "#,##0");
  CHECK(builtin_format_code(4) == "#,##0.00");
  CHECK(builtin_format_code(9) == "0%");
  CHECK(builtin_format_code(10) == "0.00%");
  CHECK(builtin_format_code(11) == "0.00E+00");
  CHECK(builtin_format_code(14) == "mm-dd-yy");
  CHECK(builtin_format_code(20) == "h:mm");
  CHECK(builtin_format_code(22) == "m/d/yy h:mm");
  CHECK(builtin_format_code(46) == "[h]:mm:ss");
  CHECK(builtin_format_code(49) == "@");
  CHECK(builtin_format_code(5).empty());    // currency formats depend on the locale
  CHECK(builtin_format_code(164).empty());  // custom ids
  CHECK(builtin_format_code(1000000).empty());
}

TEST_CASE("is_date_format: built-in ids without a code", "[number_format]") {
  for (std::uint32_t id = 0; id <= 200; ++id) {
    bool expected = (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
                    (id >= 50 && id <= 58);
    CAPTURE(id);
    CHECK(is_date_format(id, "") == expected);
  }
}

TEST_CASE("is_date_format: the built-in codes read as codes agree with their ids",
          "[number_format]") {
  for (std::uint32_t id :
       {0u, 1u, 2u, 3u, 4u, 9u, 10u, 11u, 12u, 13u, 37u, 38u, 39u, 40u, 48u, 49u}) {
    CAPTURE(id, builtin_format_code(id));
    CHECK_FALSE(is_date_format(id, builtin_format_code(id)));
  }
  for (std::uint32_t id : {14u, 15u, 16u, 17u, 18u, 19u, 20u, 21u, 22u, 45u, 46u, 47u}) {
    CAPTURE(id, builtin_format_code(id));
    CHECK(is_date_format(id, builtin_format_code(id)));
  }
}

TEST_CASE("is_date_format: custom codes", "[number_format]") {
  struct Case {
    const char* code;
    bool date;
  };
  auto c = GENERATE(values<Case>({
      {"yyyy-mm-dd", true},
      {"YYYY-MM-DD", true},
      {"[$-41D]d mmmm yyyy", true},  // Swedish locale prefix
      {"[$-F800]dddd, mmmm dd, yyyy", true},
      {"[h]:mm:ss", true},  // elapsed hours
      {"[mm]:ss", true},
      {"[ss]", true},
      {"hh:mm", true},
      {"mm", true},  // minutes or months: a date/time either way
      {"d/m", true},
      {"yyyy", true},
      {"[Red]yyyy-mm-dd", true},  // a colour before a date
      {"\"Datum: \"yyyy-mm-dd", true},
      {"# ##0 \"tkr\"", false},  // text in quotes: 'k' and 'r', no date letters count
      {"0.0 \"dagar\"", false},  // 'd', 'a', 'g' inside quotes
      {"# ##0 \"mdkr\"", false},
      {"[Red]-# ##0", false},  // colour, not [h]/[m]/[s]
      {"[Magenta]0", false},
      {"[Blue]#,##0;[Red]-#,##0", false},
      {"\"år\" 0", false},
      {"General", false},
      {"general", false},
      {"@", false},
      {"\\d 0", false},  // escaped d
      {"0\\h", false},
      {"0_d", false},  // '_' pads the width of the next character
      {"#,##0_);(#,##0)", false},
      {"0*s", false},              // '*' repeats the next character
      {"[$kr-41D] #,##0", false},  // currency in a locale bracket
      {"#,##0 [$kr-41D]", false},
      {"0.00E+00", false},
      {"[<1000]0;0.0,\"k\"", false},  // a condition
      {"0;yyyy", false},              // only the first section decides
      {"", false},
  }));
  CAPTURE(c.code);
  // Id 164 is a custom id: the code alone decides (except for "", where the id does).
  CHECK(is_date_format(164, c.code) == c.date);
}

TEST_CASE("is_date_format: broken codes do not crash and are no dates", "[number_format]") {
  CHECK_FALSE(is_date_format(164, "\"unterminated"));
  CHECK_FALSE(is_date_format(164, "[unterminated"));
  CHECK_FALSE(is_date_format(164, "0\\"));
  CHECK_FALSE(is_date_format(164, "0_"));
  CHECK_FALSE(is_date_format(164, "[]0"));
}

TEST_CASE("serial_to_iso: the 1900 system with Excel's fictitious leap day", "[number_format]") {
  CHECK(iso(0) == "1899-12-31");
  CHECK(iso(1) == "1900-01-01");
  CHECK(iso(31) == "1900-01-31");
  CHECK(iso(32) == "1900-02-01");
  CHECK(iso(59) == "1900-02-28");
  CHECK(iso(60) == "1900-02-29");  // does not exist, but Excel shows it
  CHECK(iso(61) == "1900-03-01");
  CHECK(iso(366) == "1900-12-31");
  CHECK(iso(367) == "1901-01-01");
  CHECK(iso(25569) == "1970-01-01");
  CHECK(iso(36526) == "2000-01-01");
  CHECK(iso(36585) == "2000-02-29");  // a real leap day
  CHECK(iso(44927) == "2023-01-01");
  CHECK(iso(45000) == "2023-03-15");
  CHECK(iso(45291) == "2023-12-31");
  CHECK(iso(2958465) == "9999-12-31");  // Excel's last date
}

TEST_CASE("serial_to_iso: times", "[number_format]") {
  CHECK(iso(45000.5) == "2023-03-15T12:00:00");
  CHECK(iso(45000.25) == "2023-03-15T06:00:00");
  CHECK(iso(45000 + (13 * 3600 + 14 * 60 + 15) / 86400.0) == "2023-03-15T13:14:15");
  CHECK(iso(60.5) == "1900-02-29T12:00:00");
  CHECK(iso(0.75) == "1899-12-31T18:00:00");
  // Rounded to the second: a hair before midnight is the next day.
  CHECK(iso(45000.999999999) == "2023-03-16");
  CHECK(iso(45000 + 0.4 / 86400) == "2023-03-15");
  CHECK(iso(45000 + 0.6 / 86400) == "2023-03-15T00:00:01");
}

TEST_CASE("serial_to_iso: the 1904 system", "[number_format]") {
  CHECK(iso(0, true) == "1904-01-01");
  CHECK(iso(1, true) == "1904-01-02");
  CHECK(iso(59, true) == "1904-02-29");     // 1904 is a real leap year
  CHECK(iso(43538, true) == "2023-03-15");  // 45000 - 1462
  CHECK(iso(43538.5, true) == "2023-03-15T12:00:00");
  CHECK(iso(2957003, true) == "9999-12-31");
  CHECK(iso(2957004, true) == "<none>");
}

TEST_CASE("serial_to_iso: no value outside the calendar", "[number_format]") {
  CHECK(iso(-1) == "<none>");
  CHECK(iso(-0.5) == "<none>");
  CHECK(iso(-1, true) == "<none>");
  CHECK(iso(2958466) == "<none>");  // 10000-01-01
  CHECK(iso(1e300) == "<none>");
  CHECK(iso(std::numeric_limits<double>::infinity()) == "<none>");
  CHECK(iso(-std::numeric_limits<double>::infinity()) == "<none>");
  CHECK(iso(std::numeric_limits<double>::quiet_NaN()) == "<none>");
}
