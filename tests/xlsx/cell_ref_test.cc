#include "xlsx/cell_ref.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using arsanalys::xlsx::CellRef;
using arsanalys::xlsx::column_name;
using arsanalys::xlsx::parse_cell_ref;
using arsanalys::xlsx::parse_range;
using arsanalys::xlsx::Range;

namespace Catch {
template <>
struct StringMaker<CellRef> {
  static std::string convert(const CellRef& r) {
    return "{row " + std::to_string(r.row) + ", col " + std::to_string(r.col) + "}";
  }
};
template <>
struct StringMaker<Range> {
  static std::string convert(const Range& r) {
    return StringMaker<CellRef>::convert(r.first) + ":" + StringMaker<CellRef>::convert(r.last);
  }
};
}  // namespace Catch

TEST_CASE("parse_cell_ref: valid references, 0-based", "[cell_ref]") {
  struct Case {
    const char* text;
    std::uint32_t row, col;
  };
  auto c = GENERATE(values<Case>({
      {"A1", 0, 0},
      {"B12", 11, 1},
      {"Z1", 0, 25},
      {"AA1", 0, 26},
      {"AB3", 2, 27},
      {"ZZ10", 9, 701},
      {"AAA1", 0, 702},
      {"XFD1048576", 1048575, 16383},  // the last cell of the grid
      {"xfd1048576", 1048575, 16383},
      {"b12", 11, 1},
      {"$A$1", 0, 0},
      {"$B12", 11, 1},
      {"B$12", 11, 1},
      {"A01", 0, 0},  // leading zero: still row 1
  }));
  CAPTURE(c.text);
  auto ref = parse_cell_ref(c.text);
  REQUIRE(ref.has_value());
  CHECK(*ref == CellRef{c.row, c.col});
}

TEST_CASE("parse_cell_ref: outside the grid or not a reference", "[cell_ref]") {
  auto text = GENERATE(as<std::string>{},
                       "XFE1",                             // column 16385
                       "ZZZ1",                             // column 18278
                       "AAAA1",                            // four letters
                       "A0",                               // row 0
                       "A1048577",                         // one row past the grid
                       "A99999999",                        // eight digits
                       "A123456789012345678901234567890",  // would overflow 32 bits
                       "ZZZZZZZZZZZZZZZZ1",                // would overflow 32 bits
                       "", "A", "1", "$", "$$A1", "A$", "A1$", "A$$1", " A1", "A1 ", "A-1", "A1:B2",
                       "1A", "Å1", "A1.5", "R1C1x");
  CAPTURE(text);
  CHECK_FALSE(parse_cell_ref(text).has_value());
}

TEST_CASE("parse_range: corners, order and single cells", "[cell_ref]") {
  CHECK(parse_range("A1:C3") == std::optional<Range>(Range{{0, 0}, {2, 2}}));
  CHECK(parse_range("C3:A1") == std::optional<Range>(Range{{0, 0}, {2, 2}}));
  CHECK(parse_range("B1:A2") == std::optional<Range>(Range{{0, 0}, {1, 1}}));
  CHECK(parse_range("$A$1:$B$2") == std::optional<Range>(Range{{0, 0}, {1, 1}}));
  CHECK(parse_range("D4") == std::optional<Range>(Range{{3, 3}, {3, 3}}));
  CHECK(parse_range("A1:XFD1048576") == std::optional<Range>(Range{{0, 0}, {1048575, 16383}}));
  for (const char* bad :
       {"", ":", "A1:", ":A1", "A1:B2:C3", "A1:XFE1", "A0:B2", "A:A", "1:1", "A1-B2"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_range(bad).has_value());
  }
}

TEST_CASE("column_name and to_string", "[cell_ref]") {
  CHECK(column_name(0) == "A");
  CHECK(column_name(25) == "Z");
  CHECK(column_name(26) == "AA");
  CHECK(column_name(27) == "AB");
  CHECK(column_name(51) == "AZ");
  CHECK(column_name(52) == "BA");
  CHECK(column_name(701) == "ZZ");
  CHECK(column_name(702) == "AAA");
  CHECK(column_name(16383) == "XFD");
  CHECK(to_string(CellRef{11, 1}) == "B12");
  CHECK(to_string(CellRef{0, 0}) == "A1");
  CHECK(to_string(CellRef{1048575, 16383}) == "XFD1048576");
  CHECK(to_string(Range{{2, 0}, {11, 3}}) == "A3:D12");
  CHECK(to_string(Range{{4, 2}, {4, 2}}) == "C5");
}

TEST_CASE("to_string and parse_cell_ref agree across the grid", "[cell_ref]") {
  // Every column name round-trips; rows at the edges too.
  for (std::uint32_t col = 0; col < 16384; ++col) {
    for (std::uint32_t row : {0u, 9u, 1048575u}) {
      CellRef ref{row, col};
      auto back = parse_cell_ref(to_string(ref));
      REQUIRE(back.has_value());
      REQUIRE(*back == ref);
    }
  }
}
