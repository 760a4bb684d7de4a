#pragma once
// Normalising running-cost effects: suppliers write the effect of development on running cost
// either as the level in each year (Inköp: 6 100, 6 400) or as the change in that single year
// (Intraservice: "Förändring enskilt år"). Both are derived here, so later stages need not care.

#include <cstdint>
#include <map>

#include "analys/submission.h"

namespace arsanalys::analys {

/// A line's effects per year, both ways; years without an effect column are absent.
struct Effects {
  std::map<int, std::int64_t> level;   // running cost added, compared with before year Y
  std::map<int, std::int64_t> change;  // added in that single year
};

/// The effects of `line` in `table`, read as `table.impact`, else as `assumed` (from
/// omgang.toml's paverkan, or level when nothing says: the IMPACT_AMBIGUOUS assumption).
/// Empty effect cells count as 0 once the line has any effect.
Effects effects_of(const Table& table, const Line& line, Impact assumed);

}  // namespace arsanalys::analys
