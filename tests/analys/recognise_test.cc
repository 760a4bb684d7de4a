// Recognition of a supplier's tables on small in-memory workbooks, shaped like the real 2024
// submissions (docs/seed-2024.md): titles above headers or as sheet names, headers over two
// rows, group labels and unlabelled subtotals, the same table at two levels of detail, blank
// template rows, text amounts, repeated headers, the supplier's name, the 2.2 forms.
// Every line is asserted whole: kind, label, area, and each figure's cell and kronor.
#include "analys/recognise.h"
#include "core/text.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/finding.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "../support/sheet_rows.h"

using arsanalys::Findings;
using arsanalys::analys::Amount;
using arsanalys::analys::builtin_template;
using arsanalys::analys::ColumnKind;
using arsanalys::analys::expand;
using arsanalys::fold;
using arsanalys::analys::Impact;
using arsanalys::analys::Line;
using arsanalys::analys::LineKind;
using arsanalys::analys::Proposal;
using arsanalys::analys::recognise;
using arsanalys::analys::Submission;
using arsanalys::analys::Table;
using arsanalys::analys::Unit;

namespace {

// --- Workbooks from rows of values: tests/support/sheet_rows.h ------------------------------

using arsanalys::test::sheet_rows::nil;
using arsanalys::test::sheet_rows::Rows;
using arsanalys::test::sheet_rows::SheetSpec;
using arsanalys::test::sheet_rows::V;

arsanalys::xlsx::Workbook workbook(const std::vector<SheetSpec>& sheets,
                                   const std::string& file = "test.xlsx") {
  return arsanalys::test::sheet_rows::rows_workbook(sheets, file);
}

Submission recognise_sheets(const std::vector<SheetSpec>& sheets, Findings& findings,
                            const std::string& file = "test.xlsx") {
  auto wb = workbook(sheets, file);
  return recognise(wb, builtin_template(), findings);
}

// --- Describing what was recognised ----------------------------------------------------------

std::string kind_name(LineKind kind) {
  switch (kind) {
    case LineKind::row: return "row";
    case LineKind::group: return "group";
    case LineKind::subtotal: return "subtotal";
    case LineKind::total: return "total";
  }
  return "?";
}

/// "row 'Öppna data' [Ekonomi] C4=1587000 D4=-": kind, label, area, then each figure's cell
/// and kronor ("-" nothing, "?" placeholder, "!" unparsed), then text cells as C4:'text'.
std::string show(const Table& t, const Line& l) {
  std::string out = kind_name(l.kind) + " '" + l.label + "'";
  if (!l.area.empty()) out += " [" + l.area + "]";
  for (std::size_t i = 0; i < l.values.size(); ++i) {
    if (!l.values[i]) continue;
    const auto& f = *l.values[i];
    out += " " + f.source.cell + "=";
    switch (f.amount.kind) {
      case Amount::Kind::amount: out += std::to_string(f.amount.kronor); break;
      case Amount::Kind::nothing: out += "-"; break;
      case Amount::Kind::missing: out += "?"; break;
      case Amount::Kind::unparsed: out += "!"; break;
      case Amount::Kind::out_of_range: out += "!!"; break;
      case Amount::Kind::uncomputed: out += "=?"; break;
    }
  }
  for (std::size_t i = 0; i < l.texts.size(); ++i) {
    if (l.texts[i].empty()) continue;
    out += " " +
           arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{l.row, t.columns[i].col}) +
           ":'" + l.texts[i] + "'";
  }
  return out;
}

std::vector<std::string> show_lines(const Table& t) {
  std::vector<std::string> out;
  for (const Line& l : t.lines) out.push_back(show(t, l));
  return out;
}

std::string column_kind(ColumnKind k) {
  switch (k) {
    case ColumnKind::utfall: return "utfall";
    case ColumnKind::budget: return "budget";
    case ColumnKind::prognos: return "prognos";
    case ColumnKind::kostnad: return "kostnad";
    case ColumnKind::effekt: return "effekt";
    case ColumnKind::text: return "text";
  }
  return "?";
}

/// "B:utfall 2022" per column.
std::vector<std::string> show_columns(const Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) {
    out.push_back(arsanalys::xlsx::column_name(c.col) + ":" + column_kind(c.kind) +
                  (c.year != 0 ? " " + std::to_string(c.year) : ""));
  }
  return out;
}

std::vector<std::string> ids(const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const Table& t : tables) out.push_back(t.id + "@" + t.sheet + "!" + arsanalys::xlsx::to_string(t.range));
  return out;
}

/// Every figure's source names the workbook's file and the table's sheet.
void check_sources(const Submission& s, const Table& t) {
  for (const Line& l : t.lines) {
    for (const auto& v : l.values) {
      if (!v) continue;
      CHECK(v->source.file == s.file);
      CHECK(v->source.sheet == t.sheet);
    }
  }
}

const char* const kDmsTitle31a =
    "Förvaltningskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange "
    "siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2)";
const char* const kIsTitle31b =
    "Utvecklingskostnader inom befintliga tjänster, både bas- och infrastruktur-tjänster, ange "
    "siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev "
    "påverkan förvaltningskostnad per år";
const char* const kIsTitle31c =
    "Kostnader för nya förändringsinsatser ej befintlig tjänst, både bas- och "
    "infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I "
    "kolumnerna 5-7 ange ev påverkan på förvaltningskostnaderna per år.";

}  // namespace

// --- fold ------------------------------------------------------------------------------------

TEST_CASE("fold: lower case with Swedish letters, white space collapsed", "[recognise]") {
  CHECK(fold("  Prognos\nBUDGET 2024 ") == "prognos budget 2024");
  CHECK(fold("ÅRLIG ÄNDRING ÖVER") == "årlig ändring över");
  CHECK(fold("Tjänst\u00a0\t(tkr)") == "tjänst (tkr)");
  CHECK(fold("a\u202fb\u2009c") == "a b c");
  CHECK(fold("") == "");
  CHECK(fold("×÷") == "×÷");  // U+00D7 and U+00F7 are no letters to lower
}

// --- 3.1a: titles, headers, text amounts ------------------------------------------------------

TEST_CASE("recognise: DMS 3.1a, title above the header, text amounts, Totalkostnad",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad2",
        {{kDmsTitle31a},
         {},
         {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
         {"Göteborgs Stads kontaktcenter", nil, "23 588 tkr", "25 003 tkr"},
         {"Extern service och kommunikation", nil, "50 733 tkr", "53 820 tkr"},
         {"Öppna data", nil, "1 587 tkr", "1 682 tkr"},
         {"Demokratistärkande metoder och verktyg", nil, "1 639 tkr", "1 737 tkr"},
         {"Totalkostnad", nil, "77 587 tkr", "82 242 tkr"},
         {},
         {"Leverantörens analys"},
         {},
         {"Budget 2023 för förvaltning av nämndens bastjänster är 77 587 tkr."}}}},
      findings, "demokrati.xlsx");
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) == std::vector<std::string>{"forvaltning@Blad2!A1:D8"});
  CHECK(s.summaries.empty());
  const Table& t = s.tables[0];
  CHECK(t.title == kDmsTitle31a);
  CHECK(t.unit == Unit::tkr);
  CHECK(t.label_col == 0);
  CHECK(show_columns(t) ==
        std::vector<std::string>{"B:utfall 2022", "C:budget 2023", "D:prognos 2024"});
  CHECK(show_lines(t) == std::vector<std::string>{
                             "row 'Göteborgs Stads kontaktcenter' C4=23588000 D4=25003000",
                             "row 'Extern service och kommunikation' C5=50733000 D5=53820000",
                             "row 'Öppna data' C6=1587000 D6=1682000",
                             "row 'Demokratistärkande metoder och verktyg' C7=1639000 D7=1737000",
                             "total 'Totalkostnad' C8=77587000 D8=82242000",
                         });
  check_sources(s, t);
  CHECK(t.lines[0].row == 3);
  CHECK_FALSE(t.stated_index);
  CHECK(t.impact == Impact::unknown);
  CHECK_FALSE(t.grouped);
  CHECK(s.year == 2024);
  CHECK(s.file == "demokrati.xlsx");
}

TEST_CASE("recognise: where the title of 3.1a stands", "[recognise]") {
  struct Case {
    const char* name;
    SheetSpec sheet;
    const char* range;
    const char* title;
  };
  const std::vector<V> header = {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"};
  const std::vector<V> row = {"IT-arbetsplats", 120000, 130964, 135286};
  const std::vector<V> total = {"Totalkostnad", 120000, 130964, 135286};
  auto c = GENERATE_COPY(values<Case>({
      {"the sheet's name", {"3.1a Förvaltningskostnader", {header, row, total}}, "A1:D3",
       "3.1a Förvaltningskostnader"},
      {"a cell right above the header",
       {"Blad1", {{"3.1a Förvaltningskostnader (tkr)"}, header, row, total}}, "A1:D4",
       "3.1a Förvaltningskostnader (tkr)"},
      {"a cell three rows above, in column B, table in B",
       {"Blad1",
        {{},
         {nil, "FÖRVALTNINGSKOSTNAD\ninom befintliga tjänster"},
         {},
         {},
         {nil, "Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
         {nil, "IT-arbetsplats", 120000, 130964, 135286},
         {nil, "Totalkostnad", 120000, 130964, 135286}}},
       "B2:E7", "FÖRVALTNINGSKOSTNAD\ninom befintliga tjänster"},
  }));
  INFO(c.name);
  Findings findings;
  Submission s = recognise_sheets({c.sheet}, findings);
  REQUIRE(s.tables.size() == 1);
  const Table& t = s.tables[0];
  CHECK(t.id == "forvaltning");
  CHECK(arsanalys::xlsx::to_string(t.range) == c.range);
  CHECK(t.title == c.title);
  CHECK(show_columns(t).size() == 3);
  REQUIRE(t.lines.size() == 2);
  CHECK(t.lines[0].kind == LineKind::row);
  CHECK(t.lines[0].label == "IT-arbetsplats");
  CHECK(t.lines[0].values[1]->amount.kronor == 130964000);
  CHECK(t.lines[1].kind == LineKind::total);
  CHECK(findings.empty());
}

TEST_CASE("recognise: header words regardless of case, line breaks and remarks", "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {{"Förvaltningskostnader"},
         {"TJÄNST (tkr)", "Utfall\n2022", "BUDGET  2023", "Prognos budget 2024, inkl index 3,3%"},
         {"Intranät", nil, 11989, 12385},
         {"Summa:", nil, 11989, 12385}}}},
      findings);
  REQUIRE(s.tables.size() == 1);
  const Table& t = s.tables[0];
  CHECK(show_columns(t) ==
        std::vector<std::string>{"B:utfall 2022", "C:budget 2023", "D:prognos 2024"});
  REQUIRE(t.stated_index);
  CHECK(*t.stated_index == arsanalys::Rational{33, 10});
  CHECK(s.year == 2024);
  CHECK(show_lines(t) == std::vector<std::string>{"row 'Intranät' C3=11989000 D3=12385000",
                                                  "total 'Summa' C4=11989000 D4=12385000"});
}

TEST_CASE("recognise: the unit of bare numbers comes from the title", "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {{"Förvaltningskostnader, belopp i mnkr"},
         {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
         {"IT-arbetsplats", 1.5, 2, "2 100 tkr"},
         {"Totalkostnad", 1.5, 2, 2.1}}}},
      findings);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].unit == Unit::mnkr);
  CHECK(show_lines(s.tables[0]) ==
        std::vector<std::string>{"row 'IT-arbetsplats' B3=1500000 C3=2000000 D3=2100000",
                                 "total 'Totalkostnad' B4=1500000 C4=2000000 D4=2100000"});
}

TEST_CASE("recognise: a title cell's unit counts when the sheet's name is a title too",
          "[recognise]") {
  // The sheet's name is taken as the title first and the title cell below it is skipped as
  // claimed, so "(mnkr)" in the cell is never seen: 1.5 is read as 1 500 kr, 1000 times too
  // little.
  // Likely fix: take the unit from every title text above the header (sheet name and cells).
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Förvaltningskostnader inom befintliga tjänster (mnkr)"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"IT-arbetsplats", 1.2, 1.5, 1.6},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].unit == Unit::mnkr);
  CHECK(show_lines(s.tables[0]) ==
        std::vector<std::string>{"row 'IT-arbetsplats' B3=1200000 C3=1500000 D3=1600000"});
}

// --- Two-row headers, groups, subtotals -------------------------------------------------------

TEST_CASE("recognise: IS 3.1b detail, header over two rows under group headings",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1b",
        {
            {kIsTitle31b},                                                              // 1
            {"Tjänst", "Utvecklingskostnad", nil, nil,
             "Förändring förvaltnings-/driftkostnad"},                                  // 2
            {nil, "Utfall 2022", "Budget 2023", "Prognos budget 2024", "År 2024", "År 2025",
             "År 2026"},                                                                // 3
            {"Ekonomi", "-", nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
             "(Förändring enskilt år)"},                                                // 4
            {"Digitalisering, utvecklingspott", nil, 2000, 2000},                       // 5
            {nil, nil, 2000, 2000, 0, 0, 0},                                            // 6
            {"Digital infrastruktur", "-"},                                             // 7
            {"Lokala nät", nil, nil, 1000, 1500, 1500, 1500},                           // 8
            {"Stadsnät WAN"},                                                           // 9
            {"IT Arbetsplats", nil, 8700, 11300, 5200, 3000, 3300},                     // 10
            {},                                                                         // 11
            {nil, "Utvecklingskostnad", nil, nil, "Förändring förvaltnings-/driftkostnad"},  // 12
            {"Applikationsplattform"},                                                  // 13
            {nil, nil, 8700, 12300, 6700, 4500, 4800},                                  // 14
            {"Totalkostnad:", "=", "<u>10 700</u>", "<u>14 300</u>", "<u>6 700</u>",
             "<u>4 500</u>", "<u>4 800</u>"},                                           // 15
        }}},
      findings);
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) == std::vector<std::string>{"utveckling@3.1b!A1:G15"});
  const Table& t = s.tables[0];
  CHECK(show_columns(t) == std::vector<std::string>{"B:utfall 2022", "C:budget 2023",
                                                    "D:prognos 2024", "E:effekt 2024",
                                                    "F:effekt 2025", "G:effekt 2026"});
  CHECK(t.impact == Impact::change);
  CHECK(t.grouped);
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "group 'Ekonomi' [Ekonomi] B4=-",
            "row 'Digitalisering, utvecklingspott' [Ekonomi] C5=2000000 D5=2000000",
            "subtotal '' [Ekonomi] C6=2000000 D6=2000000 E6=0 F6=0 G6=0",
            "group 'Digital infrastruktur' [Digital infrastruktur] B7=-",
            "row 'Lokala nät' [Digital infrastruktur] D8=1000000 E8=1500000 F8=1500000 "
            "G8=1500000",
            "row 'Stadsnät WAN' [Digital infrastruktur]",
            "row 'IT Arbetsplats' [Digital infrastruktur] C10=8700000 D10=11300000 E10=5200000 "
            "F10=3000000 G10=3300000",
            "row 'Applikationsplattform' [Digital infrastruktur]",
            "subtotal '' [Digital infrastruktur] C14=8700000 D14=12300000 E14=6700000 "
            "F14=4500000 G14=4800000",
            "total 'Totalkostnad' B15=- C15=10700000 D15=14300000 E15=6700000 F15=4500000 "
            "G15=4800000",
        });
  check_sources(s, t);
  CHECK(s.year == 2024);
}

TEST_CASE("recognise: IS 3.1b area level, years as numbers with qualifiers below",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {kIsTitle31b},
            {},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", 2024, 2025, 2026},
            {nil, nil, nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
             "(Förändring enskilt år)"},
            {"Ekonomi", "-", 2000, 2000, 0, 0, 0},
            {"HR", "-", 12200, 13000, 8200, 0, 0},
            {"Totalkostnad:", "-", 14200, 15000, 8200, 0, 0},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  const Table& t = s.tables[0];
  CHECK(t.id == "utveckling");
  CHECK(show_columns(t) == std::vector<std::string>{"B:utfall 2022", "C:budget 2023",
                                                    "D:prognos 2024", "E:effekt 2024",
                                                    "F:effekt 2025", "G:effekt 2026"});
  CHECK(t.impact == Impact::change);
  CHECK_FALSE(t.grouped);
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "row 'Ekonomi' B5=- C5=2000000 D5=2000000 E5=0 F5=0 G5=0",
            "row 'HR' B6=- C6=12200000 D6=13000000 E6=8200000 F6=0 G6=0",
            "total 'Totalkostnad' B7=- C7=14200000 D7=15000000 E7=8200000 F7=0 G7=0",
        });
}

TEST_CASE("recognise: the template's 3.1b, effects as levels under a group heading",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1b",
        {
            {"3.1b Utvecklingskostnader inom befintliga tjänster, bas- och "
             "infrastrukturtjänster (tkr)"},
            {nil, "Utvecklingskostnad", nil, nil, "Påverkan förvaltningskostnad (nivå per år)"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", "Nivå 2024",
             "Nivå 2025", "Nivå 2026"},
            {"IT-arbetsplats", 5000, 8700, 11300, 0, 150, 150},
            {"Totalkostnad", 5000, 8700, 11300, 0, 150, 150},
        },
        "<mergeCells count=\"2\"><mergeCell ref=\"B2:D2\"/><mergeCell ref=\"E2:G2\"/>"
        "</mergeCells>"}},
      findings);
  REQUIRE(ids(s.tables) == std::vector<std::string>{"utveckling@3.1b!A1:G5"});
  const Table& t = s.tables[0];
  CHECK(show_columns(t) == std::vector<std::string>{"B:utfall 2022", "C:budget 2023",
                                                    "D:prognos 2024", "E:effekt 2024",
                                                    "F:effekt 2025", "G:effekt 2026"});
  CHECK(t.impact == Impact::level);
  CHECK(t.columns[3].heading == "påverkan förvaltningskostnad (nivå per år) nivå 2024");
  CHECK(t.columns[0].heading == "utvecklingskostnad utfall 2022");
}

TEST_CASE("recognise: IS 3.1a detail, stated index, subtotals without labels, a repeated "
          "header and the unlabelled grand total (F24)",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024, inkl index 3,3%"},  // 1
            {nil, nil, "(exkl. utveckling i befintlig tjänst)",
             "(inkl index, men exkl. utveckling i befintlig tjänst)"},                     // 2
            {"Sammanställda räkenskaper", "-", 904, 934},                                  // 3
            {"Stöd i budget, prognos och analysprocesserna", "-", 9603, 9920},             // 4
            {"Stöd i ekonomiprocesserna", "-", 35369, 36536},                              // 5
            {nil, nil, 45876, 47390},                                                      // 6
            {"Stöd i arbetet med förmåner", nil, 10147, 10482},                            // 7
            {},                                                                            // 8
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024, inkl index 3,3%"},  // 9
            {"Stöd i arbetet med löneadministration", nil, 70434, 72758},                  // 10
            {nil, nil, 80581, 83240},                                                      // 11
            {"Inköp", nil, 14609, 15091},                                                  // 12
            {nil, "-", 141066, 145721},                                                    // 13
        }}},
      findings);
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) ==
          std::vector<std::string>{"forvaltning@3.1a Förvaltningskostnader!A1:D13"});
  const Table& t = s.tables[0];
  REQUIRE(t.stated_index);
  CHECK(*t.stated_index == arsanalys::Rational{33, 10});
  CHECK(s.year == 2024);
  CHECK(t.columns[2].year == 2024);
  CHECK(t.grouped);
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "row 'Sammanställda räkenskaper' B3=- C3=904000 D3=934000",
            "row 'Stöd i budget, prognos och analysprocesserna' B4=- C4=9603000 D4=9920000",
            "row 'Stöd i ekonomiprocesserna' B5=- C5=35369000 D5=36536000",
            "subtotal '' C6=45876000 D6=47390000",
            "row 'Stöd i arbetet med förmåner' C7=10147000 D7=10482000",
            "row 'Stöd i arbetet med löneadministration' C10=70434000 D10=72758000",
            "subtotal '' C11=80581000 D11=83240000",
            "row 'Inköp' C12=14609000 D12=15091000",
            "total '' B13=- C13=141066000 D13=145721000",
        });
}

TEST_CASE("recognise: an unlabelled grand total after a large ungrouped row is a total (F24)",
          "[recognise]") {
  // The grand total equals the subtotals plus the ungrouped row exactly, yet is taken for the
  // ungrouped row's subtotal when that row is larger than all subtotals together: is_grand_total
  // counts the row as already subtotalled (in_subtotalled_segment sees the candidate itself).
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Intranät", nil, 100, 103},
            {"Grafisk manual", nil, 200, 207},
            {nil, nil, 300, 310},
            {"Inköp", nil, 14609, 15091},
            {nil, nil, 14909, 15401},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  CHECK(show_lines(s.tables[0]) ==
        std::vector<std::string>{
            "row 'Intranät' C2=100000 D2=103000",
            "row 'Grafisk manual' C3=200000 D3=207000",
            "subtotal '' C4=300000 D4=310000",
            "row 'Inköp' C5=14609000 D5=15091000",
            "total '' C6=14909000 D6=15401000",
        });
}

TEST_CASE("recognise: an unlabelled row after the only group is its subtotal, not a total",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Ekonomi"},
            {"Intranät", nil, 100, 103},
            {"Grafisk manual", nil, 200, 207},
            {nil, nil, 300, 310},
            {"Totalkostnad", nil, 300, 310},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  CHECK(show_lines(s.tables[0]) == std::vector<std::string>{
                                       "group 'Ekonomi' [Ekonomi]",
                                       "row 'Intranät' [Ekonomi] C3=100000 D3=103000",
                                       "row 'Grafisk manual' [Ekonomi] C4=200000 D4=207000",
                                       "subtotal '' [Ekonomi] C5=300000 D5=310000",
                                       "total 'Totalkostnad' C6=300000 D6=310000",
                                   });
}

TEST_CASE("recognise: IS 3.1c detail, a group label with zeros before another group label",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1c",
        {
            {kIsTitle31c},                                                               // 1
            {"Förändringsinsats", "Värde Förändringsinsats", nil, nil,
             "Förändring förvaltnings-/driftkostnad"},                                   // 2
            {nil, "År 2024", "År 2025", "År 2026", "År 2024", "År 2025", "År 2026"},     // 3
            {nil, nil, nil, nil, "(Förändring enskilt år inkl 2023)",
             "(Förändring enskilt år)", "(Förändring enskilt år)"},                      // 4
            {"Ekonomi", 0, 0, 0, 0, 0, 0},                                               // 5
            {"HR"},                                                                      // 6
            {"Chefs- och medarbetarenkät", 800, nil, nil, 4000},                         // 7
            {"Tjänster utan beloppsbestämning (se nedan i text)"},                       // 8
            {nil, 800, 0, 0, 4000, 0, 0},                                                // 9
            {"Kommunikation"},                                                           // 10
            {"Implementera mediabank", 1000},                                            // 11
            {nil, 1000, 0, 0, 0, 0, 0},                                                  // 12
            {"Ambitions- anpassning 2024", "-21 200"},                                   // 13
            {"Totalkostnad", -19400, 0, 0, 4000, 0, 0},                                  // 14
        }}},
      findings);
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) == std::vector<std::string>{"nya_insatser@3.1c!A1:G14"});
  const Table& t = s.tables[0];
  CHECK(show_columns(t) == std::vector<std::string>{"B:kostnad 2024", "C:kostnad 2025",
                                                    "D:kostnad 2026", "E:effekt 2024",
                                                    "F:effekt 2025", "G:effekt 2026"});
  CHECK(t.impact == Impact::change);
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "group 'Ekonomi' [Ekonomi] B5=0 C5=0 D5=0 E5=0 F5=0 G5=0",
            "group 'HR' [HR]",
            "row 'Chefs- och medarbetarenkät' [HR] B7=800000 E7=4000000",
            "row 'Tjänster utan beloppsbestämning (se nedan i text)' [HR]",
            "subtotal '' [HR] B9=800000 C9=0 D9=0 E9=4000000 F9=0 G9=0",
            "group 'Kommunikation' [Kommunikation]",
            "row 'Implementera mediabank' [Kommunikation] B11=1000000",
            "subtotal '' [Kommunikation] B12=1000000 C12=0 D12=0 E12=0 F12=0 G12=0",
            "row 'Ambitions- anpassning 2024' B13=-21200000",
            "total 'Totalkostnad' B14=-19400000 C14=0 D14=0 E14=4000000 F14=0 G14=0",
        });
  CHECK(s.year == 2024);
}

// --- The same table twice, stacked tables, blank rows -----------------------------------------

TEST_CASE("recognise: the same table at area level and in detail on one sheet", "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {kDmsTitle31a},                                                             // 1
            {},                                                                         // 2
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},            // 3
            {nil, nil, "(exkl. utveckling i befintlig tjänst)",
             "(inkl. index, men exkl utveckling i befintlig tjänst)"},                  // 4
            {"Ekonomi", "-", "45 900", "47 400"},                                       // 5
            {"HR", "-", "10 100", "10 500"},                                            // 6
            {"Totalkostnad", "-", "56 000", "57 900"},                                  // 7
            {},                                                                         // 8
            {"Leverantörens analys"},                                                   // 9
            {},                                                                         // 10
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024, inkl index 3,3%"},  // 11
            {nil, nil, "(exkl. utveckling i befintlig tjänst)",
             "(inkl index, men exkl. utveckling i befintlig tjänst)"},                  // 12
            {"Sammanställda räkenskaper", "-", 904, 934},                               // 13
            {"Stöd i budget, prognos och analysprocesserna", "-", 9603, 9920},          // 14
            {"Stöd i ekonomiprocesserna", "-", 35369, 36536},                           // 15
            {nil, nil, 45876, 47390},                                                   // 16
            {"Stöd i arbetet med förmåner", nil, 10147, 10482},                         // 17
            {nil, nil, 10147, 10482},                                                   // 18
            {nil, "-", 56023, 57872},                                                   // 19
            {},                                                                         // 20
            {},                                                                         // 21
            {"Leverantörens analys"},                                                   // 22
            {"Budget 2023 är bas för beräkningen för 2024."},                           // 23
        }}},
      findings);
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) ==
          std::vector<std::string>{"forvaltning@3.1a Förvaltningskostnader!A11:D19"});
  REQUIRE(ids(s.summaries) ==
          std::vector<std::string>{"forvaltning@3.1a Förvaltningskostnader!A1:D7"});
  CHECK(show_lines(s.summaries[0]) ==
        std::vector<std::string>{
            "row 'Ekonomi' B5=- C5=45900000 D5=47400000",
            "row 'HR' B6=- C6=10100000 D6=10500000",
            "total 'Totalkostnad' B7=- C7=56000000 D7=57900000",
        });
  const Table& t = s.tables[0];
  CHECK(t.title == "3.1a Förvaltningskostnader");  // the sheet's name comes first
  REQUIRE(t.stated_index);
  CHECK(*t.stated_index == arsanalys::Rational{33, 10});
  CHECK_FALSE(s.summaries[0].stated_index);
  // The detail has no group labels: its groups take the area table's names, in order.
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "row 'Sammanställda räkenskaper' [Ekonomi] B13=- C13=904000 D13=934000",
            "row 'Stöd i budget, prognos och analysprocesserna' [Ekonomi] B14=- C14=9603000 D14=9920000",
            "row 'Stöd i ekonomiprocesserna' [Ekonomi] B15=- C15=35369000 D15=36536000",
            "subtotal '' C16=45876000 D16=47390000",
            "row 'Stöd i arbetet med förmåner' [HR] C17=10147000 D17=10482000",
            "subtotal '' C18=10147000 D18=10482000",
            "total '' B19=- C19=56023000 D19=57872000",
        });
}

TEST_CASE("recognise: text one blank row below an unlabelled grand total is not in the table",
          "[recognise]") {
  // As in samples/2024 intraservice.xlsx, '3.1a Förvaltningskostnader'!A84: prose after the
  // unlabelled grand total is read as service rows (range A17:D88, not A17:D82). read_lines
  // cuts the lines after the last total *before* assign_groups turns the unlabelled row into a
  // total. Likely fix: cut after assign_groups (and recompute the range).
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Intranät", nil, 100, 103},
            {nil, nil, 100, 103},
            {"Inköp", nil, 14609, 15091},
            {nil, "-", 14709, 15194},
            {},
            {"Bakgrund till redovisad information"},
            {},
            {"Belopp anges i tusentals kronor (tkr)"},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  CHECK(arsanalys::xlsx::to_string(s.tables[0].range) == "A1:D5");
  CHECK(show_lines(s.tables[0]) == std::vector<std::string>{
                                       "row 'Intranät' C2=100000 D2=103000",
                                       "subtotal '' C3=100000 D3=103000",
                                       "row 'Inköp' C4=14609000 D4=15091000",
                                       "total '' B5=- C5=14709000 D5=15194000",
                                   });
}

TEST_CASE("recognise: the detailed table first and the area table after it", "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {"Förvaltningskostnader per tjänst"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"A", nil, 100, 103},
            {"B", nil, 200, 207},
            {"C", nil, 300, 310},
            {"Totalkostnad", nil, 600, 620},
            {},
            {},
            {"Förvaltningskostnader per område"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Område", nil, 600, 620},
            {"Totalkostnad", nil, 600, 620},
        }}},
      findings);
  CHECK(ids(s.tables) == std::vector<std::string>{"forvaltning@Blad1!A1:D6"});
  CHECK(ids(s.summaries) == std::vector<std::string>{"forvaltning@Blad1!A9:D12"});
}

TEST_CASE("recognise: blank template rows between the last row and Totalkostnad",
          "[recognise]") {
  Findings findings;
  Rows rows = {{"3.1a Förvaltningskostnader inom befintliga tjänster (tkr)"},
               {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
               {"Intranät", 11000, 11989, 12385},
               {"Grafisk Manual", 6000, 6096, 6297}};
  for (int i = 0; i < 12; ++i) rows.push_back({});
  rows.push_back({"Totalkostnad", 17000, 18085, 18682});  // row 17
  rows.push_back({});
  rows.push_back({});
  rows.push_back({"Leverantörens analys"});
  rows.push_back({"Kostnaderna ökar med 3,3 procent."});
  Submission s = recognise_sheets({{"Blad1", rows}}, findings);
  REQUIRE(ids(s.tables) == std::vector<std::string>{"forvaltning@Blad1!A1:D17"});
  CHECK(show_lines(s.tables[0]) ==
        std::vector<std::string>{
            "row 'Intranät' B3=11000000 C3=11989000 D3=12385000",
            "row 'Grafisk Manual' B4=6000000 C4=6096000 D4=6297000",
            "total 'Totalkostnad' B17=17000000 C17=18085000 D17=18682000",
        });
}

TEST_CASE("recognise: blank rows and then another table end a table without a total",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {"3.1a Förvaltningskostnader"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Intranät", nil, 11989, 12385},
            {},
            {},
            {"3.1b Utvecklingskostnader"},
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", "Nivå 2024",
             "Nivå 2025", "Nivå 2026"},
            {"Intranät", nil, 500, 600, 0, 100, 100},
            {"Totalkostnad", nil, 500, 600, 0, 100, 100},
        }}},
      findings);
  REQUIRE(ids(s.tables) ==
          std::vector<std::string>{"forvaltning@Blad1!A1:D3", "utveckling@Blad1!A6:G9"});
  CHECK(show_lines(s.tables[0]) ==
        std::vector<std::string>{"row 'Intranät' C3=11989000 D3=12385000"});
  CHECK(s.tables[1].impact == Impact::level);
}

TEST_CASE("recognise: section 3 stacked on one sheet, with 3.2", "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad2",
        {
            {kDmsTitle31a},                                                             // 1
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},            // 2
            {"Öppna data", nil, "1 587 tkr", "1 682 tkr"},                              // 3
            {"Totalkostnad", nil, "1 587 tkr", "1 682 tkr"},                            // 4
            {"Leverantörens analys"},                                                   // 5
            {"Prognosen för bastjänsternas förvaltningskostnad 2024 är 1 682 tkr."},    // 6
            {"Utvecklingskostnader inom befintliga tjänster, både bas- och infrastruktur "
             "tjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I "
             "kolumnerna 5-7 ange ev påverkan förvaltningskostnad per år"},             // 7
            {},                                                                         // 8
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", "2024", "2025",
             "2026"},                                                                   // 9
            {"Demokratistärkande metoder och verktyg", nil, "500 tkr", "840 tkr", "30 tkr",
             "31 tkr", "33 tkr"},                                                       // 10
            {"Totalkostnad:", nil, "500 tkr", "840 tkr", "30 tkr", "31 tkr", "33 tkr"},  // 11
            {},                                                                         // 12
            {"Kostnader för nya förändringsinsatser ej befintlig tjänst, både bas- och "
             "infrastruktur tjänster, ange siffror i tkr"},                             // 13
            {},                                                                         // 14
            {"Förändringsinsatser", "År 2024", "År 2025", "År 2026", "2024", "2025",
             "2026"},                                                                   // 15
            {"Totalkostnad"},                                                           // 16
            {},                                                                         // 17
            {"3.2 Förslag justering av fördelningsnycklar"},                            // 18
            {},                                                                         // 19
            {"Tjänst", "Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"},  // 20
            {"Öppna data", "Antal anställda", "inga", nil},                             // 21
            {"Demokratistärkande metoder och verktyg", "Antal anställda", nil, nil},    // 22
        }}},
      findings, "demokrati.xlsx");
  CHECK(findings.empty());
  REQUIRE(ids(s.tables) ==
          std::vector<std::string>{"forvaltning@Blad2!A1:D4", "utveckling@Blad2!A7:G11",
                                   "nya_insatser@Blad2!A13:G16", "nycklar@Blad2!A18:D22"});
  CHECK(s.summaries.empty());
  CHECK(show_lines(s.tables[1]) ==
        std::vector<std::string>{
            "row 'Demokratistärkande metoder och verktyg' C10=500000 D10=840000 E10=30000 "
            "F10=31000 G10=33000",
            "total 'Totalkostnad' C11=500000 D11=840000 E11=30000 F11=31000 G11=33000",
        });
  CHECK(s.tables[1].impact == Impact::unknown);
  CHECK(show_columns(s.tables[2]) == std::vector<std::string>{"B:kostnad 2024", "C:kostnad 2025",
                                                              "D:kostnad 2026", "E:effekt 2024",
                                                              "F:effekt 2025", "G:effekt 2026"});
  CHECK(show_lines(s.tables[2]) == std::vector<std::string>{"total 'Totalkostnad'"});
  CHECK(show_columns(s.tables[3]) == std::vector<std::string>{"B:text", "C:text", "D:text"});
  CHECK(show_lines(s.tables[3]) ==
        std::vector<std::string>{
            "row 'Öppna data' B21:'Antal anställda' C21:'inga'",
            "row 'Demokratistärkande metoder och verktyg' B22:'Antal anställda'",
        });
  CHECK(s.year == 2024);
}

// --- Amounts as read ---------------------------------------------------------------------------

TEST_CASE("recognise: amounts as text and as numbers, placeholders and unparsed text",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"3.1a Förvaltningskostnader",
        {
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
            {"Text med tkr", nil, "23 588 tkr", "25\u00a0003 tkr"},
            {"Tal", 22000, 23588, 25003.4},
            {"Komma", "-", "130 500", "134,800"},
            {"Platshållare", "*", "XXX", "500-600 tkr"},
            {"Negativt", nil, "-21 200", -21200},
            {"Totalkostnad", nil, "=", "<u>90 500</u>"},
        }}},
      findings);
  REQUIRE(s.tables.size() == 1);
  const Table& t = s.tables[0];
  CHECK(show_lines(t) ==
        std::vector<std::string>{
            "row 'Text med tkr' C2=23588000 D2=25003000",
            "row 'Tal' B3=22000000 C3=23588000 D3=25003400",
            "row 'Komma' B4=- C4=130500000 D4=134800000",
            "row 'Platshållare' B5=? C5=? D5=!",
            "row 'Negativt' C6=-21200000 D6=-21200000",
            "total 'Totalkostnad' C7=- D7=90500000",
        });
  CHECK(t.lines[2].values[2]->amount.ambiguous);
  CHECK(t.lines[2].values[2]->amount.guess == "134,800 lästes som 134 800");
  CHECK_FALSE(t.lines[0].values[1]->amount.ambiguous);
}

// --- The supplier ------------------------------------------------------------------------------

TEST_CASE("recognise: the supplier's name", "[recognise]") {
  const std::vector<V> header = {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"};
  SheetSpec table{"3.1a Förvaltningskostnader", {header, {"Intranät", nil, 1, 1}}};
  struct Case {
    const char* name;
    std::vector<SheetSpec> sheets;
    const char* supplier;
    const char* sheet;
    const char* cell;
  };
  auto c = GENERATE_COPY(values<Case>({
      {"a Leverantör label with the name beside it",
       {{"Instruktion",
         {{"Årlig analys 2024"},
          {},
          {"Leverantör", nil, " Nämnden för  Intraservice "}}},
        table},
       "Nämnden för Intraservice", "Instruktion", "C3"},
      {"'Leverantör:' and the name in one cell",
       {table, {"Försättsblad", {{}, {"Leverantör: Inköp och upphandlingsnämnden"}}}},
       "Inköp och upphandlingsnämnden", "Försättsblad", "A2"},
      {"the label beats the line under the title",
       {{"Blad1",
         {{"Årlig analys av digital utveckling och förvaltning 2024"},
          {"Nämnden för demokrati och medborgarservice"},
          {},
          {"LEVERANTÖR", "Demokrati och medborgarservice"}}},
        table},
       "Demokrati och medborgarservice", "Blad1", "B4"},
      {"Nämnden för … under the title",
       {{"Blad1",
         {{"Årlig analys av digital utveckling och förvaltning 2024"},
          {},
          {"Nämnden för demokrati och medborgarservice"},
          {"Leverantörens analys"}}},
        table},
       "Nämnden för demokrati och medborgarservice", "Blad1", "A3"},
      {"… nämnden under the title",
       {{"Blad1",
         {{"ÅRLIG ANALYS AV DIGITAL UTVECKLING OCH FÖRVALTNING 2024"},
          {"Inköp och upphandlingsnämnden"}}},
        table},
       "Inköp och upphandlingsnämnden", "Blad1", "A2"},
      {"the file name when nothing names it",
       {{"Blad1", {{"Leverantörens analys"}, {"Nämnden för Intraservice ser behov av"}}},
        table},
       "intraservice", "", ""},
  }));
  INFO(c.name);
  Findings findings;
  Submission s = recognise_sheets(c.sheets, findings, "intraservice.xlsx");
  CHECK(s.supplier == c.supplier);
  CHECK(s.supplier_source.file == "intraservice.xlsx");
  CHECK(s.supplier_source.sheet == c.sheet);
  CHECK(s.supplier_source.cell == c.cell);
}

// --- 2.2 proposals -----------------------------------------------------------------------------

namespace {
std::vector<std::string> show_fields(const Proposal& p) {
  std::vector<std::string> out;
  for (const auto& [id, value] : p.fields) out.push_back(id + "=" + value);
  return out;
}
}  // namespace

TEST_CASE("recognise: 2.2 forms, one block per proposal, labels with values beside them",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets(
      {{"2.2 Förändringsinsatser",
        {
            {"2.2 Förslag till förändringsinsatser"},                                   // 1
            {},                                                                         // 2
            {"Föreslagen förändringsinsats 1"},                                         // 3
            {"Namn på förändringsinsats", "Utvecklad funktionalitet på goteborg.se"},   // 4
            {"Strategisk del"},                                                         // 5
            {"Behovsbeskrivning", "• Fortsatt utveckling av kalendarier"},              // 6
            {"Kopplat till befintlig bastjänst eller infratjänst",
             "Extern service och kommunikation"},                                       // 7
            {"Nytta", "En modern och effektiv webbplats"},                              // 8
            {"Effektmål", "Besökare hittar efterfrågat innehåll."},                     // 9
            {"Intern - extern nytta", "Extern"},                                        // 10
            {"Kommer arbetet bedrivas i projektform? JA/NEJ", "JA"},                    // 11
            {"Dokumenterad koppling till beslutade mål (KF budget, program, planer, "
             "Agenda2030)"},                                                            // 12
            {"Informationssäkerhet"},                                                   // 13
            {"Är informationsklassning genomförd? JA / NEJ + kommentar", nil,
             "Nej, utveckling av befintlig funktionalitet"},                            // 14
            {"Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar",
             "Nej, utveckling av befintlig funktionalitet"},                            // 15
            {"Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån "
             "informationsklassning? JA / NEJ + kommentar",
             "Nej"},                                                                    // 16
            {"Total projektbudget", 3000},                                              // 17
            {"Kundgrupp som finansierar", "Stadens nämnder och styrelser"},             // 18
            {},                                                                         // 19
            {"Föreslagen förändringsinsats 2"},                                         // 20
            {"Namn på förändringsinsats: Tillståndsguider för företagare"},             // 21
            {"Effektmål: Nöjdare företagare"},                                          // 22
            {"Total projektbudget", "300 tkr Påverkan på förvaltningskostnaden kan inte "
                                    "bedömas"},                                         // 23
            {},                                                                         // 24
            {"Föreslagen förändringsinsats  3"},                                        // 25
            {"Namn på förändringsinsats"},                                              // 26
            {"Effektmål"},                                                              // 27
            {"Är informationsklassning genomförd? JA / NEJ"},                           // 28
        }}},
      findings);
  CHECK(s.tables.empty());
  // The third form is left empty, as the template gave it: no proposal.
  REQUIRE(s.proposals.size() == 2);

  const Proposal& p1 = s.proposals[0];
  CHECK(p1.name == "Utvecklad funktionalitet på goteborg.se");
  CHECK(p1.budget_kr == 3000000);
  CHECK_FALSE(p1.from_table);
  CHECK(p1.source.sheet == "2.2 Förändringsinsatser");
  CHECK(p1.source.cell == "A3");
  CHECK(show_fields(p1) ==
        std::vector<std::string>{
            "namn=Utvecklad funktionalitet på goteborg.se",
            "behov=• Fortsatt utveckling av kalendarier",
            "tjanst=Extern service och kommunikation",
            "nytta=En modern och effektiv webbplats",
            "effektmal=Besökare hittar efterfrågat innehåll.",
            "intern_extern=Extern",
            "projektform=JA",
            "beslutade_mal=",
            "informationsklassning=Nej, utveckling av befintlig funktionalitet",
            "konsekvensanalys=Nej, utveckling av befintlig funktionalitet",
            "it_sakerhet=Nej",
            "budget=3000",
            "kundgrupp=Stadens nämnder och styrelser",
        });

  const Proposal& p2 = s.proposals[1];
  CHECK(p2.name == "Tillståndsguider för företagare");
  CHECK(p2.budget_kr == 300000);
  CHECK(p2.source.cell == "A20");
  CHECK(show_fields(p2) ==
        std::vector<std::string>{
            "namn=Tillståndsguider för företagare",
            "effektmal=Nöjdare företagare",
            "budget=300 tkr Påverkan på förvaltningskostnaden kan inte bedömas",
        });

  // Each field's answer is kept with its cell, beside the label or further right; a field
  // answered in its label ("Effektmål: ...") points at the label.
  CHECK(p1.cell_of("effektmal").cell == "B9");
  CHECK(p1.cell_of("informationsklassning").cell == "C14");
  CHECK(p1.cell_of("beslutade_mal").cell == "B12");  // empty: where the answer goes
  CHECK(p1.cell_of("arkitektur").cell == "A3");      // not in the form: its title
  CHECK(p2.cell_of("effektmal").cell == "A22");
}

TEST_CASE("recognise: a 2.2 form's number", "[recognise]") {
  // find_proposals reads the number from fold(title).substr(28), but "föreslagen
  // förändringsinsats" is 31 bytes in UTF-8 (ö, ä twice): the scan starts at "ats 1", stops at
  // 'a', and every proposal gets number 0 (so an unnamed one is reported as "nr 0"). Likely fix:
  // skip std::string_view("föreslagen förändringsinsats").size() bytes.
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {"Föreslagen förändringsinsats 1"},
            {"Namn på förändringsinsats", "A"},
            {"Föreslagen förändringsinsats  12"},
            {"Namn på förändringsinsats", "B"},
        }}},
      findings);
  REQUIRE(s.proposals.size() == 2);
  CHECK(s.proposals[0].number == 1);
  CHECK(s.proposals[1].number == 12);
}

TEST_CASE("recognise: 2.2 labels that hold a table's title words do not end the form",
          "[recognise]") {
  // read_form stops at any label containing a table title word ("förvaltningskostnad",
  // "fördelningsnyck"), so DMS form 1's budget label "Total projektbudget samt påverkan
  // förvaltningskostnad år 2024, …" and the template's own "Påverkan förvaltningskostnad …"
  // and "Förslag fördelningsnyckel" end the form: budget, kundgrupp and nyckel are lost.
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {"Föreslagen förändringsinsats 1"},
            {"Namn på förändringsinsats", "Utvecklad funktionalitet på goteborg.se"},
            {"Total projektbudget samt påverkan förvaltningskostnad år 2024, 2025, 2026 eller "
             "senare",
             "3000 tkr Utvecklingen kommer inte att påverka förvaltningskostnaderna."},
            {"Kundgrupp som finansierar", "Stadens nämnder och styrelser"},
            {"Förslag fördelningsnyckel", "Nämnder - samma principer som 2023"},
        }}},
      findings);
  REQUIRE(s.proposals.size() == 1);
  CHECK(show_fields(s.proposals[0]) ==
        std::vector<std::string>{
            "namn=Utvecklad funktionalitet på goteborg.se",
            "budget=3000 tkr Utvecklingen kommer inte att påverka förvaltningskostnaderna.",
            "kundgrupp=Stadens nämnder och styrelser",
            "nyckel=Nämnder - samma principer som 2023",
        });
}

TEST_CASE("recognise: the template's own 2.2 form is read whole", "[recognise]") {
  // Same defect as above, on the labels builtin_template() itself writes.
  const auto& def = builtin_template();
  Rows rows = {{expand(def.form_title, 2024, 1)}};
  std::vector<std::string> expected;
  for (const auto& f : def.form_fields) {
    std::string value = "Svar " + f.id;
    rows.push_back({expand(f.label, 2024), value});
    expected.push_back(f.id + "=" + value);
  }
  Findings findings;
  Submission s = recognise_sheets({{"2.2", rows}}, findings);
  REQUIRE(s.proposals.size() == 1);
  CHECK(show_fields(s.proposals[0]) == expected);
}

TEST_CASE("recognise: 2.2 labels broken by spaces inside words are still matched",
          "[recognise]") {
  // Seed §2.5: DMS forms 5 and 6 write "Effekt mål", form 8 "Är informationsklassni ng
  // genomförd?"; "Label matching must ignore spaces inside words, or these fields are lost."
  Findings findings;
  Submission s = recognise_sheets(
      {{"Blad1",
        {
            {"Föreslagen förändringsinsats 5"},
            {"Namn på förändringsinsats", "Webbanalysverktyg"},
            {"Effekt mål", "Bättre beslutsunderlag"},
            {"Är informationsklassni ng genomförd? JA / NEJ + kommentar", "JA"},
        }}},
      findings);
  REQUIRE(s.proposals.size() == 1);
  CHECK(show_fields(s.proposals[0]) ==
        std::vector<std::string>{"namn=Webbanalysverktyg", "effektmal=Bättre beslutsunderlag",
                                 "informationsklassning=JA"});
}

TEST_CASE("recognise: 2.2 as a table, one row per initiative", "[recognise]") {
  // Contract: 2.2 proposals are "either a table (one row per initiative, the form's fields as
  // headers) or the form itself".
  Findings findings;
  Submission s = recognise_sheets(
      {{"2.2",
        {
            {"2.2 Föreslagna förändringsinsatser"},
            {"Namn på förändringsinsats", "Effektmål", "Är informationsklassning genomförd?",
             "Tröskel- och konsekvensanalys genomförd?", "Total projektbudget"},
            {"Chattbot", "Kortare väntetid", "JA", "JA", "100 tkr"},
            {"Webbanalys", "Bättre underlag", "NEJ", "JA", "200 tkr"},
        }}},
      findings);
  REQUIRE(s.proposals.size() == 2);
  CHECK(s.proposals[0].name == "Chattbot");
  CHECK(s.proposals[0].from_table);
  CHECK(s.proposals[0].source.cell == "A3");
  CHECK(s.proposals[1].budget_kr == 200000);
  CHECK(show_fields(s.proposals[1]) ==
        std::vector<std::string>{"namn=Webbanalys", "effektmal=Bättre underlag",
                                 "informationsklassning=NEJ", "konsekvensanalys=JA",
                                 "budget=200 tkr"});
}

TEST_CASE("recognise: an empty workbook yields no tables and the file's name",
          "[recognise]") {
  Findings findings;
  Submission s = recognise_sheets({{"Blad1", {}}}, findings, "tom.xlsx");
  CHECK(s.tables.empty());
  CHECK(s.summaries.empty());
  CHECK(s.proposals.empty());
  CHECK(s.year == 0);
  CHECK(s.supplier == "tom");
  CHECK(s.table("forvaltning") == nullptr);
}
