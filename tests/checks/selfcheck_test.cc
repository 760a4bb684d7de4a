// The mistakes suppliers really make in a filled-in template (issue 14), each found by its own
// finding at the cell that causes it: a total typed over its formula, an amount typed as text,
// a deleted year column, an empty proposal form, the supplier's prose under 3.2. Workbooks are
// written here with formulas and their cached values, as Excel and LibreOffice save them;
// tests/checks/selfcheck_fixtures_test.cc reads the same mistakes from files that openpyxl and
// LibreOffice wrote.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analys/recognise.h"
#include "analys/submission.h"
#include "analys/template_def.h"
#include "checks/checks.h"
#include "core/finding.h"
#include "../support/sheet_rows.h"

using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::analys::builtin_template;
using arsanalys::analys::LineKind;
using arsanalys::analys::recognise;
using arsanalys::analys::Submission;
using arsanalys::test::sheet_rows::nil;
using arsanalys::test::sheet_rows::Rows;
using arsanalys::test::sheet_rows::SheetSpec;
using arsanalys::test::sheet_rows::V;

namespace {

const char* const kTitle31a =
    "3.1a Förvaltningskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)";
const char* const kTitle31b =
    "3.1b Utvecklingskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)";

Submission read(const std::vector<SheetSpec>& sheets) {
  auto wb = arsanalys::test::sheet_rows::rows_workbook(sheets, "mall.xlsx");
  Findings findings;
  return recognise(wb, builtin_template(), findings);
}

/// Every check of the submission for analysis year 2025, as `validate` runs them.
std::vector<std::string> check(const Submission& s) {
  Findings findings;
  arsanalys::checks::check_submission(s, builtin_template(), {}, findings);
  arsanalys::sort_findings(findings);
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.code + " " + std::string(arsanalys::level_name(f.level)) + " " +
                  f.where.sheet + "!" + f.where.cell + " | " + f.message);
  }
  return out;
}

/// The template's 3.1a for 2025 filled in as Excel saves it: two services, index 3 %, the
/// total row's SUM formulas with their cached values. `budget_2` is the second row's budget
/// cell (a number, or text as typed); `total_budget` the budget total (a formula, or typed).
Rows filled_31a(V budget_2 = 2000, V total_budget = V::sum("SUM(C3:C4)", 3000)) {
  return {
      {kTitle31a},
      {"Tjänst", "Utfall 2023", "Budget 2024", "Prognos budget 2025"},
      {"E-arkiv", 900, 1000, 1030},
      {"Lönesystem", 1900, budget_2, 2060},
      {"Totalkostnad", V::sum("SUM(B3:B4)", 2800), total_budget, V::sum("SUM(D3:D4)", 3090)},
  };
}

/// The rest of a filled-in template, so that nothing but the planted mistake is reported.
std::vector<SheetSpec> with_rest(Rows costs) {
  return {
      {"3.1a Förvaltning", std::move(costs)},
      {"3.1b Utveckling",
       {{kTitle31b},
        {nil, "Utvecklingskostnad", nil, nil, "Påverkan förvaltningskostnad (nivå per år)"},
        {"Tjänst", "Utfall 2023", "Budget 2024", "Prognos budget 2025", "Nivå 2025", "Nivå 2026",
         "Nivå 2027"},
        {"E-arkiv", 100, 200, 200, 0, 50, 50},
        {"Totalkostnad", V::sum("SUM(B4:B4)", 100), V::sum("SUM(C4:C4)", 200),
         V::sum("SUM(D4:D4)", 200), V::sum("SUM(E4:E4)", 0), V::sum("SUM(F4:F4)", 50),
         V::sum("SUM(G4:G4)", 50)}}},
      {"3.1c Nya insatser",
       {{"3.1c Kostnader för nya förändringsinsatser, ej befintlig tjänst (tkr)"},
        {nil, "Kostnad för insatsen", nil, nil, "Påverkan förvaltningskostnad (nivå per år)"},
        {"Förändringsinsats", "År 2025", "År 2026", "År 2027", "Nivå 2025", "Nivå 2026",
         "Nivå 2027"},
        {},
        {"Totalkostnad", V::sum("SUM(B4:B4)", 0), V::sum("SUM(C4:C4)", 0),
         V::sum("SUM(D4:D4)", 0), V::sum("SUM(E4:E4)", 0), V::sum("SUM(F4:F4)", 0),
         V::sum("SUM(G4:G4)", 0)}}},
      {"3.2 Fördelningsnycklar",
       {{"3.2 Förslag justering av fördelningsnycklar"},
        {"Tjänst", "Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"},
        {"E-arkiv", "Antal anställda"}}},
  };
}

}  // namespace

TEST_CASE("selfcheck: a filled-in template as Excel saves it gives no finding", "[selfcheck]") {
  Submission s = read(with_rest(filled_31a()));
  REQUIRE(s.table("forvaltning") != nullptr);
  CHECK(s.table("forvaltning")->from_template);
  CHECK(check(s).empty());
}

TEST_CASE("selfcheck: a total typed over its formula", "[selfcheck]") {
  SECTION("the rows in whole hundreds sum to 22 700, the total typed as 22 800") {
    Rows rows = filled_31a(12700, 22800);
    rows[2][2] = 10000;  // C3
    rows[2][3] = 10300;
    rows[3][3] = 13081;
    rows[4][3] = V::sum("SUM(D3:D4)", 23381);
    // No rounding: the rows carry no more precision than the total. And the formula that was
    // there is a finding of its own.
    CHECK(check(read(with_rest(rows))) ==
          std::vector<std::string>{
              "FORMULA_REPLACED varning 3.1a Förvaltning!C5 | Totalkostnad är en formel i mallen "
              "men här ett inskrivet värde (22 800 tkr). Ett inskrivet värde följer inte med när "
              "raderna ändras; skriv formeln =SUMMA(C3:C4) i cellen igen.",
              "SUM_MISMATCH fel 3.1a Förvaltning!C5 | Totalkostnad 22 800 tkr avviker från "
              "summan av raderna 22 700 tkr."});
  }
  SECTION("typed over with the right figure: only the formula is missed") {
    CHECK(check(read(with_rest(filled_31a(2000, 3000)))) ==
          std::vector<std::string>{
              "FORMULA_REPLACED varning 3.1a Förvaltning!C5 | Totalkostnad är en formel i mallen "
              "men här ett inskrivet värde (3 000 tkr). Ett inskrivet värde följer inte med när "
              "raderna ändras; skriv formeln =SUMMA(C3:C4) i cellen igen."});
  }
}

TEST_CASE("selfcheck: an amount typed as text", "[selfcheck]") {
  SECTION("Excel's SUM leaves it out: the text cell is the cause, the total says so") {
    // The total as Excel computes it: 1 000 without the text cell's 1 200.
    Submission s = read(with_rest(filled_31a("1 200 tkr", V::sum("SUM(C3:C4)", 1000))));
    CHECK(check(s) ==
          std::vector<std::string>{
              "NUMBER_AS_TEXT fel 3.1a Förvaltning!C4 | Beloppet '1 200 tkr' är skrivet som "
              "text. Excel räknar inte med text, så summan i C5 blir 1 200 tkr för låg. Skriv "
              "bara talet: 1200.",
              "SUM_MISMATCH fel 3.1a Förvaltning!C5 | Totalkostnad 1 000 tkr avviker från "
              "summan av raderna 2 200 tkr: Excel räknar inte med beloppet i C4, som är skrivet "
              "som text. Skriv det som ett tal, så stämmer summan."});
  }
  SECTION("no index message built on it") {
    // 1 200 against a forecast of 2 060 would not fit 3 %; the text finding says it all.
    Submission s = read(with_rest(filled_31a("1 200 tkr", V::sum("SUM(C3:C4)", 1000))));
    for (const std::string& f : check(s)) CHECK(f.find("INDEX_MISMATCH") == std::string::npos);
  }
  SECTION("read as the amount it says, still reported where the template asks for numbers") {
    Rows rows = filled_31a("2 000 tkr", 3000);
    Submission s = read(with_rest(rows));
    auto found = check(s);
    REQUIRE(found.size() == 2);
    CHECK(found[0] ==
          "NUMBER_AS_TEXT varning 3.1a Förvaltning!C4 | Beloppet '2 000 tkr' är skrivet som "
          "text, inte som tal som mallen ber om; det lästes som 2 000 tkr. Skriv bara talet: "
          "2000.");
    CHECK(found[1].starts_with("FORMULA_REPLACED varning 3.1a Förvaltning!C5"));
  }
  SECTION("a workbook not made from the template: text amounts are read as before") {
    Rows rows = filled_31a("2 000 tkr", 3000);
    rows[0][0] = "Förvaltningskostnader inom befintliga tjänster, ange siffror i tkr";
    rows[4] = {"Totalkostnad", 2800, 3000, 3090};
    std::vector<SheetSpec> sheets = with_rest(rows);
    sheets.resize(1);
    Findings findings;
    Submission s = read(sheets);
    arsanalys::checks::check_text_amounts(s, findings);
    arsanalys::checks::check_formulas(s, findings);
    CHECK(findings.empty());
  }
}

TEST_CASE("selfcheck: a deleted year column", "[selfcheck]") {
  SECTION("Utfall 2023 deleted from 3.1a") {
    Rows rows = {
        {kTitle31a},
        {"Tjänst", "Budget 2024", "Prognos budget 2025"},
        {"E-arkiv", 1000, 1030},
        {"Lönesystem", 2000, 2060},
        {"Totalkostnad", V::sum("SUM(B3:B4)", 3000), V::sum("SUM(C3:C4)", 3090)},
    };
    CHECK(check(read(with_rest(rows))) ==
          std::vector<std::string>{
              "COLUMN_MISSING fel 3.1a Förvaltning!B2 | Tabell 3.1a Förvaltningskostnader saknar "
              "kolumnen Utfall 2023. Lägg tillbaka den före Budget 2024."});
  }
  SECTION("Budget 2024 deleted from 3.1b") {
    std::vector<SheetSpec> sheets = with_rest(filled_31a());
    sheets[1].rows = {
        {kTitle31b},
        {nil, "Utvecklingskostnad", nil, "Påverkan förvaltningskostnad (nivå per år)"},
        {"Tjänst", "Utfall 2023", "Prognos budget 2025", "Nivå 2025", "Nivå 2026", "Nivå 2027"},
        {"E-arkiv", 100, 200, 0, 50, 50},
        {"Totalkostnad", V::sum("SUM(B4:B4)", 100), V::sum("SUM(C4:C4)", 200),
         V::sum("SUM(D4:D4)", 0), V::sum("SUM(E4:E4)", 50), V::sum("SUM(F4:F4)", 50)}};
    CHECK(check(read(sheets)) ==
          std::vector<std::string>{
              "COLUMN_MISSING fel 3.1b Utveckling!C3 | Tabell 3.1b Utvecklingskostnader saknar "
              "kolumnen Budget 2024. Lägg tillbaka den före Prognos budget 2025."});
  }
}

TEST_CASE("selfcheck: the supplier's analysis under 3.2 is no service", "[selfcheck]") {
  std::vector<SheetSpec> sheets = with_rest(filled_31a());
  Rows& keys = sheets[3].rows;
  keys.push_back({"Lönesystem", "Antal anställda", "Antal lönespecifikationer",
                  "Speglar arbetet bättre."});
  keys.push_back({});
  keys.push_back({"Leverantörens analys"});
  keys.push_back({"Utifall det blir förändringar i nyttjandet behöver det finnas en "
                  "hanteringsordning för hur kostnaden justeras."});
  SECTION("after its heading") {
    Submission s = read(sheets);
    REQUIRE(s.table("nycklar") != nullptr);
    CHECK(s.table("nycklar")->lines.size() == 2);
  }
  SECTION("a paragraph without the heading") {
    keys[5] = {};
    keys.push_back({"När det gäller övriga bastjänster föreslås ingen förändring till 2025."});
    Submission s = read(sheets);
    REQUIRE(s.table("nycklar") != nullptr);
    CHECK(s.table("nycklar")->lines.size() == 2);
  }
}

TEST_CASE("selfcheck: an empty form is no proposal, a lacking field is found at its cell",
          "[selfcheck]") {
  std::vector<SheetSpec> sheets = with_rest(filled_31a());
  sheets.push_back({"2 Förslag",
                    {{"2.2 Förslag på nya förändringsinsatser"},
                     {},
                     {"Föreslagen förändringsinsats 1", "Svar", "Kommentar"},
                     {"Namn på förändringsinsats", "Ny e-tjänst"},
                     {"Effektmål"},
                     {"Är informationsklassning genomförd? JA / NEJ", "JA"},
                     {"Tröskel- och konsekvensanalys genomförd? JA / NEJ", "NEJ", "Görs i höst"},
                     {"Total projektbudget (tkr)", 400},
                     {},
                     {"Föreslagen förändringsinsats 2", "Svar", "Kommentar"},
                     {"Namn på förändringsinsats"},
                     {"Effektmål"},
                     {"Är informationsklassning genomförd? JA / NEJ"},
                     {"Tröskel- och konsekvensanalys genomförd? JA / NEJ"},
                     {"Total projektbudget (tkr)"}}});
  Submission s = read(sheets);
  REQUIRE(s.proposals.size() == 1);
  CHECK(check(s) ==
        std::vector<std::string>{
            "PROPOSAL_INCOMPLETE varning 2 Förslag!B5 | Förslaget 'Ny e-tjänst' saknar effektmål: "
            "fältet är tomt.",
            "PROPOSAL_INCOMPLETE varning 2 Förslag!B7 | Förslaget 'Ny e-tjänst' saknar tröskel- "
            "och konsekvensanalys: svaret är 'NEJ'."});
}
