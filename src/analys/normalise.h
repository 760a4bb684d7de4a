#pragma once
// Normalising what suppliers write differently:
// - running-cost effects, either the level in each year (Inköp: 6 100, 6 400) or the change in
//   that single year (Intraservice: "Förändring enskilt år"); both are derived here;
// - a line's area (verksamhetsområde) across tables, when a table's group label is a service's
//   name rather than an area (Intraservice's 3.1c: "E-tjänstplattform" over the unspecified
//   services of Digital infrastruktur).

#include <cstdint>
#include <map>
#include <string>

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

/// The area of a line as the supplier's 3.1a has it: the line's own area, unless the line is
/// in 3.1b or 3.1c and its area is no area of 3.1a but (within one letter) the name of a 3.1a
/// service, which gives that service's area. "" for a line without an area.
std::string line_area(const Submission& s, const Table& table, const Line& line);

}  // namespace arsanalys::analys
