// allocate_round(): which lines are allocated, by which key, and what happens to the rest.
#include <catch2/catch.hpp>

#include "inputs/kunder.h"
#include "fordelning/round_allocation.h"
#include "kunder_fixture.h"

using namespace arsanalys;
namespace f = arsanalys::fordelning;
using arsanalys::test::Rows;
using arsanalys::test::V;

namespace {

f::Kunder register_of(Findings& findings) {
  Rows kunder{{"Kund-id", "Namn", "Typ", "Antal anställda"},
              {"A", "Förvaltning A", "Förvaltning", 3},
              {"B", "Förvaltning B", "Förvaltning", 1},
              {"C", "Bolag C", "Bolag", 5}};
  Rows nycklar{{"Nyckel", "Andel", "Urval", "Mått", "Alias"},
               {"Anställda", 100, "Typ=Förvaltning", "Antal anställda", "Efter antal anställda"},
               {"Lika", 100, "alla", "lika", V()}};
  Rows tjanster{{"Leverantör", "Tjänst", "Nyckel", "Förslag nyckel"},
                {"Lev", "Drift", "Anställda", "Lika"},
                {"Lev", "Ny insats", "Lika", V()}};
  return arsanalys::inputs::read_kunder(
      test::workbook({{"Kunder", kunder}, {"Nycklar", nycklar}, {"Tjänster", tjanster}}),
      findings);
}

analys::Line row(std::string label, std::uint32_t r, std::optional<std::int64_t> kr,
                 std::vector<std::string> texts = {}) {
  analys::Line l;
  l.label = std::move(label);
  l.row = r;
  if (kr) {
    analys::Figure fig;
    fig.amount.kind = analys::Amount::Kind::amount;
    fig.amount.kronor = *kr;
    fig.source = Location{"lev.xlsx", "3.1", "C" + std::to_string(r + 1)};
    l.values.push_back(fig);
  } else {
    l.values.push_back(std::nullopt);
  }
  l.texts = std::move(texts);
  return l;
}

analys::Table table(std::string id, analys::ColumnKind kind, std::vector<analys::Line> lines) {
  analys::Table t;
  t.id = std::move(id);
  t.sheet = "3.1";
  t.columns.push_back(analys::Column{kind, 2024, "År 2024", 2});
  t.lines = std::move(lines);
  return t;
}

analys::Submission submission() {
  analys::Submission s;
  s.file = "lev.xlsx";
  s.supplier = "Lev";
  s.year = 2024;
  analys::Line total = row("Totalkostnad", 9, 1'000'001);
  total.kind = analys::LineKind::total;
  s.tables.push_back(table("forvaltning", analys::ColumnKind::prognos,
                           {row("Drift", 3, 1'000'000), row("Stöd", 4, 1), row("Okänd", 5, 7),
                            row("Tom", 6, std::nullopt), total}));
  s.tables.push_back(table("nya_insatser", analys::ColumnKind::kostnad,
                           {row("Ny insats", 3, 301), row("Annan insats", 4, 500)}));
  analys::Table keys;
  keys.id = "nycklar";
  keys.columns.push_back(analys::Column{analys::ColumnKind::text, 0,
                                        "Nuvarande fördelningsnyckel", 1});
  keys.lines = {row("Stöd", 3, std::nullopt, {"Efter antal anställda."}),
                row("Okänd", 4, std::nullopt, {"Efter ärendetid"})};
  s.tables.push_back(keys);
  return s;
}

}  // namespace

TEST_CASE("allocate_round: every line allocated or listed, every krona accounted for",
          "[fordelning]") {
  Findings findings;
  f::Kunder kunder = register_of(findings);
  REQUIRE(findings.empty());
  f::RoundAllocation a = f::allocate_round({submission()}, 2024, kunder, findings);

  std::vector<std::string> seen;
  for (const auto& l : a.lines) {
    seen.push_back(l.table + " " + l.service + " " + (l.allocation ? l.key->name : "-"));
  }
  // "Tom" has no amount and the total is no line; "Stöd" finds its key by the 3.2 text
  // against an alias; the 3.1c line without a Tjänster row is listed, not allocated.
  CHECK(seen == std::vector<std::string>{"forvaltning Drift Anställda",
                                         "forvaltning Stöd Anställda", "forvaltning Okänd -",
                                         "nya_insatser Ny insats Lika",
                                         "nya_insatser Annan insats -"});
  CHECK(a.lines[1].key_source == f::KeySource::text);
  CHECK(a.lines[0].key_source == f::KeySource::tjanst);
  CHECK(a.allocated_kr == 1'000'000 + 1 + 301);
  CHECK(a.unallocated_kr == 7 + 500);
  std::int64_t charged = 0;
  for (const auto& [id, kr] : a.customer_totals) charged += kr;
  CHECK(charged == a.allocated_kr);
  // Drift: 3 : 1 between A and B, C (a company) not selected.
  CHECK(a.lines[0].allocation->customers_kr ==
        std::map<std::string, std::int64_t>{{"A", 750'000}, {"B", 250'000}});
  // The proposed key splits the same amount equally among all three: 333 334 / 333 333 ...
  REQUIRE(a.lines[0].proposed);
  CHECK(a.lines[0].proposed_key->name == "Lika");
  CHECK(a.lines[0].proposed->customers_kr.at("A") == 333'334);
  CHECK(a.customer_totals_proposed.at("C") == 333'333 + 100);  // + its third of Ny insats
  CHECK(a.lines[4].reason.starts_with("Ny förändringsinsats utan egen rad i Tjänster"));

  // Detail::totals keeps the same kronor per customer without the steps.
  Findings again;
  f::RoundAllocation t =
      f::allocate_round({submission()}, 2024, kunder, again, f::Detail::totals);
  REQUIRE(t.lines.size() == a.lines.size());
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    REQUIRE(t.lines[i].allocation.has_value() == a.lines[i].allocation.has_value());
    if (!t.lines[i].allocation) continue;
    CHECK(t.lines[i].allocation->steps.empty());
    CHECK(t.lines[i].allocation->customers_kr == a.lines[i].allocation->customers_kr);
  }
  CHECK(t.customer_totals == a.customer_totals);

  // Only the 3.1a line without any key is a finding, at its label cell.
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "KEY_MISSING");
  CHECK(findings[0].level == Level::fel);
  CHECK(findings[0].where.cell == "A6");
  CHECK(findings[0].message ==
        "Tjänsten 'Okänd' har ingen fördelningsnyckel: den saknas i bladet Tjänster i "
        "kunder.xlsx och tabell 3.2 anger 'Efter ärendetid', som inte är namnet eller aliaset "
        "för någon nyckel.");
}

TEST_CASE("allocate_round: a year without a column allocates nothing", "[fordelning]") {
  Findings findings;
  f::Kunder kunder = register_of(findings);
  f::RoundAllocation a = f::allocate_round({submission()}, 2023, kunder, findings);
  CHECK(a.lines.empty());
  CHECK(a.customer_totals.at("A") == 0);
  CHECK(findings.empty());
}

TEST_CASE("key_text_for reads 3.2's current key by the service's name", "[fordelning]") {
  analys::Submission s = submission();
  CHECK(f::key_text_for(s, "stöd ") == "Efter antal anställda.");
  CHECK(f::key_text_for(s, "Drift").empty());
}

TEST_CASE("allocate_round: an earlier year is allocated from its budget column",
          "[fordelning]") {
  Findings findings;
  f::Kunder kunder = register_of(findings);
  analys::Submission s = submission();
  analys::Table& t = s.tables[0];
  t.columns.insert(t.columns.begin(), analys::Column{analys::ColumnKind::budget, 2023,
                                                     "Budget 2023", 1});
  for (analys::Line& l : t.lines) {
    analys::Figure fig;
    fig.amount.kind = analys::Amount::Kind::amount;
    fig.amount.kronor = 400;
    fig.source = Location{"lev.xlsx", "3.1", "B" + std::to_string(l.row + 1)};
    l.values.insert(l.values.begin(), fig);
  }
  f::RoundAllocation a = f::allocate_round({s}, 2023, kunder, findings);
  REQUIRE(a.lines.size() == 4);  // Drift, Stöd, Okänd, Tom (the last two without a key)
  CHECK(a.lines[0].amount_kr == 400);
  CHECK(a.lines[0].source.cell == "B4");
  CHECK(a.lines[0].allocation->customers_kr.at("A") == 300);
  CHECK(a.allocated_kr == 800);
}
