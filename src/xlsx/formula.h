#pragma once
// Shared formulas: OOXML stores the formula once, on the first cell of a block, and the other
// cells only point at it. To show each cell's own formula, the relative references of the
// master are moved by the cell's offset, as Excel does when it fills a formula.

#include <string>
#include <string_view>

namespace arsanalys::xlsx {

/// The master formula moved `rows` down and `cols` right. Relative references (`A1`, `A$1`,
/// `A:A`, `1:1`) move, absolute parts (`$A`, `$1`) stay; strings, quoted sheet names and
/// structured references are copied. A reference pushed off the grid becomes `#REF!`.
///
///   shift_formula("SUM(A1:B1)*$C$1", 2, 0) == "SUM(A3:B3)*$C$1"
std::string shift_formula(std::string_view formula, long rows, long cols);

}  // namespace arsanalys::xlsx
