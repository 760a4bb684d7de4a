// Running-cost effects read as levels or as single-year changes, both ways (seed 003: Inköp's
// ULA levels 6 100 / 6 400 are the annex's "Δ 300 (6 400)"; Intraservice writes changes).
#include <catch2/catch.hpp>

#include "analys/normalise.h"

using namespace arsanalys::analys;

namespace {

Table effect_table(Impact impact) {
  Table t;
  t.impact = impact;
  for (int y : {2024, 2025, 2026}) {
    Column c;
    c.kind = ColumnKind::effekt;
    c.year = y;
    t.columns.push_back(c);
  }
  return t;
}

Line effect_line(std::vector<std::optional<std::int64_t>> kr) {
  Line l;
  for (auto v : kr) {
    if (!v) {
      l.values.push_back(std::nullopt);
      continue;
    }
    Figure f;
    f.amount.kind = Amount::Kind::amount;
    f.amount.kronor = *v;
    l.values.push_back(f);
  }
  return l;
}

}  // namespace

TEST_CASE("effects: levels give changes (Inköp's ULA)", "[normalise]") {
  Effects e = effects_of(effect_table(Impact::level), effect_line({0, 6'100'000, 6'400'000}),
                         Impact::unknown);
  CHECK(e.level == std::map<int, std::int64_t>{{2024, 0}, {2025, 6'100'000}, {2026, 6'400'000}});
  CHECK(e.change == std::map<int, std::int64_t>{{2024, 0}, {2025, 6'100'000}, {2026, 300'000}});
}

TEST_CASE("effects: changes accumulate to levels (Intraservice's Lokala nät)", "[normalise]") {
  Effects e = effects_of(effect_table(Impact::change),
                         effect_line({1'500'000, 1'500'000, 1'500'000}), Impact::level);
  CHECK(e.change.at(2026) == 1'500'000);
  CHECK(e.level == std::map<int, std::int64_t>{
                       {2024, 1'500'000}, {2025, 3'000'000}, {2026, 4'500'000}});
}

TEST_CASE("effects: the header wins over the configured reading; else configured; else level",
          "[normalise]") {
  Line l = effect_line({100'000, std::nullopt, 300'000});
  CHECK(effects_of(effect_table(Impact::unknown), l, Impact::change).level.at(2026) == 400'000);
  CHECK(effects_of(effect_table(Impact::unknown), l, Impact::unknown).level.at(2026) == 300'000);
  CHECK(effects_of(effect_table(Impact::level), l, Impact::change).change.at(2025) == -100'000);
}

TEST_CASE("effects: a line without any effect has none", "[normalise]") {
  Effects e = effects_of(effect_table(Impact::level), effect_line({std::nullopt, std::nullopt,
                                                                   std::nullopt}),
                         Impact::unknown);
  CHECK(e.level.empty());
  CHECK(e.change.empty());
}
