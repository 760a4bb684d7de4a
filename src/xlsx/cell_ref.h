#pragma once
// A1-style cell references and ranges.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arsanalys::xlsx {

constexpr std::uint32_t kMaxRows = 1048576;  // Excel's grid
constexpr std::uint32_t kMaxCols = 16384;    // A..XFD

/// A cell position, 0-based.
struct CellRef {
  std::uint32_t row = 0;  // 0 = row 1
  std::uint32_t col = 0;  // 0 = column A
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

/// A rectangle of cells, corners inclusive.
struct Range {
  CellRef first;
  CellRef last;
  friend bool operator==(const Range&, const Range&) = default;
};

/// Parses `B12` or `$B$12` (any case). Rejects references outside Excel's grid.
std::optional<CellRef> parse_cell_ref(std::string_view text);
/// Parses `A1:C3` or a single cell `A1` (a one-cell range).
std::optional<Range> parse_range(std::string_view text);
/// Column letters of a 0-based column: 0 -> "A", 27 -> "AB".
std::string column_name(std::uint32_t col);
/// `B12` for {11, 1}.
std::string to_string(const CellRef& ref);
/// `A1:C3`, or `A1` when the range is one cell.
std::string to_string(const Range& range);

}  // namespace arsanalys::xlsx
