#include "analys/normalise.h"

#include "core/text.h"

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

namespace {

/// Equal, or one letter apart ("e-tjänstplattform" / "e-tjänsteplattform").
bool near_name(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1 || shorter.size() < 6) return false;
  for (std::size_t i = 0; i < longer.size(); ++i) {
    if (longer.substr(0, i) + longer.substr(i + 1) == shorter) return true;
  }
  return false;
}

}  // namespace

std::string line_area(const Submission& s, const Table& table, const Line& line) {
  if (table.id == "forvaltning" || line.area.empty()) return line.area;
  const Table* f = s.table("forvaltning");
  if (f == nullptr) return line.area;
  std::string key = area_key(line.area);
  for (const Line& l : f->lines) {
    if (l.kind == LineKind::row && area_key(l.area) == key) return line.area;
  }
  for (const Line& l : f->lines) {
    if (l.kind == LineKind::row && near_name(area_key(l.label), key)) return l.area;
  }
  return line.area;
}

}  // namespace arsanalys::analys
