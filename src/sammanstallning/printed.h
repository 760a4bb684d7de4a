#pragma once
// Tabell 1 and 2 as the annex prints them: every figure rounded once, for presentation only, to
// hundreds of tkr, so that every printed table adds up as printed. Rounding is by the largest
// remainder, from the top down: the grand total of a column is the exact total rounded, the
// suppliers share it by their exact totals, and each supplier's total is shared by its areas.
// The annex's other tables (the sizes, the suppliers' summaries, the frames of alternative A,
// the cost development) and the per-customer tables are sums of these printed figures, so the
// text and the tables say the same.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "sammanstallning/round.h"

namespace arsanalys::sammanstallning {

/// The unit the annex prints Tabell 1 and 2 in: hundreds of tkr, in kronor.
inline constexpr std::int64_t kPrintedUnit = 100'000;

/// One row as printed, in kronor (multiples of kPrintedUnit).
struct PrintedRow {
  std::optional<std::int64_t> utfall, budget, foreslagen;  // none where the row has none
  std::int64_t effekt = 0;                                 // the effect in parentheses
};

/// One of Tabell 1 or 2 as printed.
struct PrintedTable {
  std::vector<std::vector<PrintedRow>> rows;  // per supplier, per AreaRow of its table
  std::vector<PrintedRow> totals;             // per supplier
  PrintedRow all;                             // every supplier
};

struct PrintedTables {
  PrintedTable forvaltning;  // Tabell 1
  PrintedTable utveckling;   // Tabell 2
};

/// The round's Tabell 1 and 2 as printed.
PrintedTables printed_tables(const Round& round);

/// `exact` (kronor, any sign) rounded to multiples of `unit` so that they sum to `target` (a
/// multiple of `unit`): each gets its floor, and the units left over go one each to the largest
/// remainders (ties to the earlier). When `target` is out of reach (more units than parts),
/// the rest goes to the largest parts in turn.
///
///   largest_remainder({77'547'000, 30'000}, 77'600'000, 100'000) == {77'500'000, 100'000}
std::vector<std::int64_t> largest_remainder(const std::vector<std::int64_t>& exact,
                                            std::int64_t target, std::int64_t unit);

}  // namespace arsanalys::sammanstallning
