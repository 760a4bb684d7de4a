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
