// Whole numbers with thousands apart, as every Swedish text of the program prints them.
#include "core/number_text.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

TEST_CASE("number text: thousands apart by a space", "[core]") {
  using arsanalys::group_thousands;
  CHECK(group_thousands(std::string_view("1234567")) == "1 234 567");
  CHECK(group_thousands(std::string_view("0001000")) == "1 000");
  CHECK(group_thousands(std::string_view("")) == "0");
  CHECK(group_thousands(std::int64_t{999}) == "999");
  CHECK(group_thousands(std::int64_t{1025900}) == "1 025 900");
  CHECK(group_thousands(std::int64_t{-30}) == "-30");
  CHECK(group_thousands(std::numeric_limits<std::int64_t>::min()) == "-9 223 372 036 854 775 808");
}

TEST_CASE("number text: a ratio of two amounts as a percentage", "[core]") {
  using arsanalys::Decimals;
  using arsanalys::percent_text;
  // One decimal, always shown (the annex's changes).
  CHECK(percent_text(2'200, 28'500) == "7,7 %");
  CHECK(percent_text(1, 20) == "5,0 %");
  CHECK(percent_text(0, 7) == "0,0 %");
  CHECK(percent_text(-1'810, 7'000) == "\u221225,9 %");
  CHECK(percent_text(1, 2'000) == "0,1 %");      // 0,05 % rounded half away from zero
  CHECK(percent_text(-1, 2'000) == "\u22120,1 %");
  CHECK(percent_text(-1, 3'000) == "0,0 %");     // rounds to zero: no minus sign
  CHECK(percent_text(1, 0).empty());
  // At most four decimals, trailing zeros dropped (a customer's share of a key).
  CHECK(percent_text(1, 22, 4, Decimals::at_most) == "4,5455 %");
  CHECK(percent_text(3, 4, 4, Decimals::at_most) == "75 %");
  CHECK(percent_text(1, 8, 4, Decimals::at_most) == "12,5 %");
  // Two decimals at most (the bridge's parts).
  CHECK(percent_text(2'418, 10'000, 2, Decimals::at_most) == "24,18 %");
  CHECK(percent_text(1, 3, 2, Decimals::at_most) == "33,33 %");
  // No decimals.
  CHECK(percent_text(2, 3, 0) == "67 %");
  // Kronor products beyond 64 bits in the intermediate.
  CHECK(percent_text(arsanalys::Int128{4'000'000'000'000'000}, 8'000'000'000'000'000, 1) ==
        "50,0 %");
}

TEST_CASE("number text: a percentage given in percent, as an index", "[core]") {
  using arsanalys::make_rational;
  using arsanalys::percent_text;
  CHECK(percent_text(make_rational(33, 10)) == "3,3 %");
  CHECK(percent_text(make_rational(3125, 1000)) == "3,125 %");
  CHECK(percent_text(make_rational(5, 1)) == "5 %");
  CHECK(percent_text(make_rational(-1, 2)) == "\u22120,5 %");
  CHECK(percent_text(make_rational(1, 3)).starts_with("ca 0,333"));
  CHECK(percent_text(make_rational(1, 3)).ends_with(" %"));
}
