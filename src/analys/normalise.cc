#include "analys/normalise.h"

namespace arsanalys::analys {

Effects effects_of(const Table& table, const Line& line, Impact assumed) {
  Effects out;
  std::map<int, std::int64_t> written;
  bool any = false;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    if (c.kind != ColumnKind::effekt || c.year == 0) continue;
    const auto& v = line.values[i];
    bool has = v && v->amount.kind == Amount::Kind::amount;
    written[c.year] = has ? v->amount.kronor : 0;
    any |= has;
  }
  if (!any) return out;
  Impact impact = table.impact != Impact::unknown ? table.impact
                  : assumed != Impact::unknown    ? assumed
                                                  : Impact::level;
  std::int64_t previous = 0;
  for (const auto& [year, kr] : written) {
    if (impact == Impact::change) {
      out.change[year] = kr;
      out.level[year] = previous + kr;
      previous += kr;
    } else {
      out.level[year] = kr;
      out.change[year] = kr - previous;
      previous = kr;
    }
  }
  return out;
}

}  // namespace arsanalys::analys
