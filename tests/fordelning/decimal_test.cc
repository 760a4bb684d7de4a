#include "fordelning/decimal.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

using arsanalys::fordelning::Decimal;
using arsanalys::fordelning::decimal_from_double;
using arsanalys::fordelning::format_decimal;
using arsanalys::fordelning::format_fraction;
using arsanalys::fordelning::Fraction;
using arsanalys::fordelning::normalised;
using arsanalys::fordelning::parse_decimal;
using arsanalys::fordelning::reduced;

namespace {

/// "units/scale" or "none", so a failing check shows the value.
std::string show(const std::optional<Decimal>& d) {
  if (!d) return "none";
  return std::to_string(d->units) + "e-" + std::to_string(d->scale);
}

std::string show(Decimal d) { return show(std::optional<Decimal>(d)); }

}  // namespace

TEST_CASE("parse_decimal reads Swedish and English number texts exactly", "[fordelning]") {
  struct Case {
    const char* text;
    std::optional<Decimal> want;
  };
  const Case cases[] = {
      {"900", Decimal{900, 0}},
      {"7,5", Decimal{75, 1}},
      {"7.5", Decimal{75, 1}},
      {"63,75", Decimal{6375, 2}},
      {"0,5", Decimal{5, 1}},
      {" 1 200 ", Decimal{1200, 0}},
      {"1\xC2\xA0"
       "200,25",
       Decimal{120025, 2}},
      {"12 345 678", Decimal{12345678, 0}},
      {"-3", Decimal{-3, 0}},
      {"+2", Decimal{2, 0}},
      {"0,050", Decimal{5, 2}},
      {"007", Decimal{7, 0}},
      {"", std::nullopt},
      {"abc", std::nullopt},
      {"5 %", std::nullopt},
      {"1,234.5", std::nullopt},
      {"12 00", std::nullopt},
      {"1 2345", std::nullopt},
      {",5", std::nullopt},
      {"7,", std::nullopt},
      {"1 200 st", std::nullopt},
      {"0,1234567890123456", std::nullopt},  // 16 decimals: more than kMaxScale
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(show(parse_decimal(c.text)) == show(c.want));
  }
}

TEST_CASE("decimal_from_double takes a number cell at its shortest decimal form", "[fordelning]") {
  CHECK(show(decimal_from_double(7.5)) == show(Decimal{75, 1}));
  CHECK(show(decimal_from_double(0.1 + 0.2)) == show(Decimal{3, 1}));  // Excel's 15 digits
  CHECK(show(decimal_from_double(8.6)) == show(Decimal{86, 1}));
  CHECK(show(decimal_from_double(63.75)) == show(Decimal{6375, 2}));
  CHECK(show(decimal_from_double(12600)) == show(Decimal{12600, 0}));
  CHECK(show(decimal_from_double(1e15)) == show(Decimal{1000000000000000, 0}));
  CHECK(show(decimal_from_double(-0.5)) == show(Decimal{-5, 1}));
  CHECK(show(decimal_from_double(0)) == show(Decimal{0, 0}));
  CHECK(show(decimal_from_double(1.0 / 3)) == show(Decimal{333333333333333, 15}));
  CHECK_FALSE(decimal_from_double(1e-20));
  CHECK_FALSE(decimal_from_double(1e19));
  CHECK_FALSE(decimal_from_double(std::numeric_limits<double>::quiet_NaN()));
  CHECK_FALSE(decimal_from_double(std::numeric_limits<double>::infinity()));
}

TEST_CASE("Decimals compare by value and print in Swedish", "[fordelning]") {
  CHECK(Decimal{750, 2} == Decimal{75, 1});
  CHECK_FALSE(Decimal{75, 1} == Decimal{75, 0});
  CHECK(show(normalised(Decimal{1000, 3})) == show(Decimal{1, 0}));
  CHECK(format_decimal(Decimal{6375, 2}) == "63,75");
  CHECK(format_decimal(Decimal{1200, 0}) == "1 200");
  CHECK(format_decimal(Decimal{-5, 1}) == "-0,5");
  CHECK(format_decimal(Decimal{1234567, 3}) == "1 234,567");
  CHECK(format_decimal(Decimal{9000, 2}) == "90");
  CHECK(format_decimal(Decimal{}) == "0");
}

TEST_CASE("Fractions are reduced", "[fordelning]") {
  CHECK(reduced(150, 1000) == Fraction{3, 20});
  CHECK(reduced(0, 7) == Fraction{0, 1});
  CHECK(format_fraction(reduced(6375, 10000)) == "51/80");
  CHECK(format_fraction(reduced(5, 5)) == "1");
}
