// The checks of a recognised submission, one by one: each finding's code, level, cell, exact
// Swedish message and values, on tables read from tiny workbooks or built by hand, with the
// real defects and traps of the 2024 round (docs/seed-2024.md §5: D01, D02, D06, D07, F01, F02,
// F24 ...). And a correct submission must produce no finding at all.
#include "checks/checks.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analys/recognise.h"
#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/finding.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "../support/sheet_rows.h"

using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::Level;
using arsanalys::Location;
using arsanalys::analys::Amount;
using arsanalys::analys::builtin_template;
using arsanalys::analys::Column;
using arsanalys::analys::ColumnKind;
using arsanalys::analys::Figure;
using arsanalys::analys::Impact;
using arsanalys::analys::Line;
using arsanalys::analys::LineKind;
using arsanalys::analys::Proposal;
using arsanalys::analys::recognise;
using arsanalys::analys::Submission;
using arsanalys::analys::Table;
using arsanalys::checks::SupplierSettings;

namespace {

// --- Workbooks from rows of values: tests/support/sheet_rows.h ------------------------------

using arsanalys::test::sheet_rows::nil;
using arsanalys::test::sheet_rows::Rows;
using arsanalys::test::sheet_rows::SheetSpec;
using arsanalys::test::sheet_rows::V;

Submission read(const std::vector<SheetSpec>& sheets, const std::string& file = "test.xlsx") {
  auto wb = arsanalys::test::sheet_rows::rows_workbook(sheets, file);
  Findings findings;
  Submission s = recognise(wb, builtin_template(), findings);
  INFO("recognise found problems");
  CHECK(findings.empty());
  return s;
}

// --- Submissions by hand ---------------------------------------------------------------------

const std::string kFile = "hand.xlsx";
const std::string kSheet = "3.1a";

Column column(ColumnKind kind, int year, std::uint32_t col) {
  Column c;
  c.kind = kind;
  c.year = year;
  c.col = col;
  return c;
}

/// A figure of `tkr` thousands at (row, col) of kSheet; nullopt for nullopt.
std::optional<Figure> tkr(std::optional<std::int64_t> value, std::uint32_t row, std::uint32_t col) {
  if (!value) return std::nullopt;
  Figure f;
  f.amount.kind = Amount::Kind::amount;
  f.amount.kronor = *value * 1000;
  f.source = {kFile, kSheet, arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{row, col})};
  return f;
}

/// A table of budget (C) and prognos (D) columns; each line (kind, label, area, budget, prognos)
/// on the next sheet row from row 2 (0-based 1).
struct HandLine {
  LineKind kind;
  std::string label;
  std::string area;
  std::optional<std::int64_t> budget, prognos;
};

Table hand_table(const std::string& id, const std::vector<HandLine>& lines) {
  Table t;
  t.id = id;
  t.grouped = std::any_of(lines.begin(), lines.end(), [](const HandLine& h) {
    return h.kind == LineKind::group || h.kind == LineKind::subtotal;
  });
  t.sheet = kSheet;
  t.columns = {column(ColumnKind::budget, 2023, 2), column(ColumnKind::prognos, 2024, 3)};
  std::uint32_t row = 1;
  for (const HandLine& h : lines) {
    Line l;
    l.kind = h.kind;
    l.label = h.label;
    l.area = h.area;
    l.row = row;
    l.values = {tkr(h.budget, row, 2), tkr(h.prognos, row, 3)};
    l.texts.resize(2);
    t.lines.push_back(std::move(l));
    ++row;
  }
  t.range = {{0, 0}, {row - 1, 3}};
  return t;
}

// --- Describing findings ---------------------------------------------------------------------

/// "CODE level file:sheet!cell | message | value expected".
std::string show(const Finding& f) {
  auto kr = [](const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string("-");
  };
  return f.code + " " + std::string(arsanalys::level_name(f.level)) + " " + f.where.file + ":" +
         f.where.sheet + "!" + f.where.cell + " | " + f.message + " | " + kr(f.value_kr) + " " +
         kr(f.expected_kr);
}

std::vector<std::string> show(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(show(f));
  return out;
}

const std::vector<std::string> kNone{};

// --- Workbooks of the 2024 round --------------------------------------------------------------

const char* const kDmsTitle31a =
    "Förvaltningskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange "
    "siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2)";
const char* const kIsTitle31b =
    "Utvecklingskostnader inom befintliga tjänster, både bas- och infrastruktur-tjänster, ange "
    "siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev "
    "påverkan förvaltningskostnad per år";

/// DMS 3.1a (seed L396–L403) on sheet '3.1 Förvaltning': the total in row 7, as in the
/// contract's example. `extern_budget` is "50 733 tkr" (the defect) or "50 773 tkr".
Submission dms_31a(const char* extern_budget = "50 733 tkr", const char* total = "77 587 tkr") {
  return read({{"3.1 Förvaltning",
                {
                    {kDmsTitle31a},
                    {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
                    {"Göteborgs Stads kontaktcenter", nil, "23 588 tkr", "25 003 tkr"},
                    {"Extern service och kommunikation", nil, extern_budget, "53 820 tkr"},
                    {"Öppna data", nil, "1 587 tkr", "1 682 tkr"},
                    {"Demokratistärkande metoder och verktyg", nil, "1 639 tkr", "1 737 tkr"},
                    {"Totalkostnad", nil, total, "82 242 tkr"},
                }}},
              "demokrati.xlsx");
}

/// IS 3.1b detail, groups HR and Ledning och styrning (seed L2149–L2187, D06 and F01): the
/// Ledning subtotal says 7 000 for 2024 where its rows give 5 000; the total says 14 700 for
/// 2024 and 2 000 for 2025 where the subtotals give 15 200 and 0. Header in its first row.
Rows is_31b_detail() {
  return {
      {"Tjänst", "Utvecklingskostnad", nil, nil, "Förändring förvaltnings-/driftkostnad"},
      {nil, "Utfall 2022", "Budget 2023", "Prognos budget 2024", "År 2024", "År 2025",
       "År 2026"},
      {"HR", "-", nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
       "(Förändring enskilt år)"},
      {"Digitalisering inom HR-området, utvecklingspott", nil, 1000, 1000, 200},
      {"Översyn IT-stöd inom lön och HR, utvecklingspott", nil, 11200, 12000, 8000},
      {nil, nil, 12200, 13000, 8200, 0, 0},
      {"Ledning och styrning", "-"},
      {"Politisk ärendehantering", nil, 18000, 16000, 2000},
      {"Stöd i ledning och styrning för stadens projektverksamheter (tilläggs tjänst)*", nil, 0,
       0, 0},
      {"Stöd för digitalt bevarande (Pre-ingest)", nil, 1500, 3000, 2000},
      {"Ledning i samverkan (LIS)", nil, 1000, 3000},
      {"Robotisering och processautomation (RPA)", nil, nil, nil, 1000},
      {nil, nil, 20500, 22000, 7000, 0, 0},
      {"Totalkostnad:", "=", "<u>32 700</u>", "<u>35 000</u>", "<u>14 700</u>", "<u>2 000</u>",
       "<u>0</u>"},
  };
}

Submission is_31b_detail_alone() {
  Rows rows = is_31b_detail();
  rows.insert(rows.begin(), {kIsTitle31b});
  return read({{"3.1b", rows}}, "intraservice.xlsx");
}

/// A form at `cell` (its title), each field's answer in column B of the rows below it.
Proposal proposal(int number, const std::string& name, const std::string& cell,
                  std::vector<std::pair<std::string, std::string>> fields) {
  Proposal p;
  p.number = number;
  p.name = name;
  p.source = {kFile, "2.2", cell};
  auto title = arsanalys::xlsx::parse_cell_ref(cell);
  for (std::size_t k = 0; k < fields.size(); ++k) {
    std::uint32_t row = title->row + 1 + static_cast<std::uint32_t>(k);
    p.cells.push_back({fields[k].first,
                       {kFile, "2.2", arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{row, 1})}});
  }
  p.fields = std::move(fields);
  return p;
}

}  // namespace

// --- SUM_MISMATCH, SUM_ROUNDING -----------------------------------------------------------------

TEST_CASE("checks: SUM_MISMATCH, the contract's example (DMS 3.1a, D01)", "[checks]") {
  Submission s = dms_31a();
  REQUIRE(s.table("forvaltning") != nullptr);
  Findings findings;
  arsanalys::checks::check_sums(*s.table("forvaltning"), s.file, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "SUM_MISMATCH fel demokrati.xlsx:3.1 Förvaltning!C7 | Totalkostnad 77 587 tkr avviker "
            "från summan av raderna 77 547 tkr. | 77587000 77547000"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].where.ref() == "'3.1 Förvaltning'!C7");
}

TEST_CASE("checks: SUM_MISMATCH goes when the budget typo is corrected (50 773)", "[checks]") {
  Submission s = dms_31a("50 773 tkr");
  Findings findings;
  arsanalys::checks::check_sums(*s.table("forvaltning"), s.file, findings);
  CHECK(show(findings) == kNone);
}

TEST_CASE("checks: a total against its rows, rounding told by granularity", "[checks]") {
  struct Case {
    const char* name;
    std::vector<std::int64_t> rows;
    std::int64_t total;
    const char* expected;  // "" none
  };
  auto c = GENERATE(values<Case>({
      {"exact", {100, 200}, 300, ""},
      // Issue 14: rows as coarse as the total (here hundreds against whole tkr) must add up
      // exactly; only rows finer than the total's rounding leave room for rounding.
      {"rows in hundreds, total in whole tkr, 1 off: an error", {100, 200}, 301,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C4 | Totalkostnad 301 tkr avviker från summan av "
       "raderna 300 tkr. | 301000 300000"},
      {"rows in whole tkr, total in hundreds, 50 off: rounding", {149, 201}, 400,
       "SUM_ROUNDING info hand.xlsx:3.1a!C4 | Totalkostnad 400 tkr skiljer sig från summan av "
       "raderna 350 tkr bara genom avrundning. | 400000 350000"},
      {"rows in whole tkr, total in hundreds, 51 off: an error", {149, 200}, 400,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C4 | Totalkostnad 400 tkr avviker från summan av "
       "raderna 349 tkr. | 400000 349000"},
      {"issue 14: whole hundreds to 22 700, total typed 22 800", {10000, 12700}, 22800,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C4 | Totalkostnad 22 800 tkr avviker från summan av "
       "raderna 22 700 tkr. | 22800000 22700000"},
      {"whole tkr, 1 off: an error", {101, 203}, 305,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C4 | Totalkostnad 305 tkr avviker från summan av "
       "raderna 304 tkr. | 305000 304000"},
      {"whole tkr, 2 off with two rows: an error", {100, 200}, 302,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C4 | Totalkostnad 302 tkr avviker från summan av raderna "
       "300 tkr. | 302000 300000"},
      {"D01: 40 off", {23588, 50733, 1587, 1639}, 77587,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C6 | Totalkostnad 77 587 tkr avviker från summan av "
       "raderna 77 547 tkr. | 77587000 77547000"},
      {"D07: area figures in hundreds, 100 off", {83100, 130500, 767900, 31700, 44100, 14600},
       1072000,
       "SUM_ROUNDING info hand.xlsx:3.1a!C8 | Totalkostnad 1 072 000 tkr skiljer sig från summan "
       "av raderna 1 071 900 tkr bara genom avrundning. | 1072000000 1071900000"},
      {"hundreds, 500 off", {83100, 130500, 767900, 31700, 44100, 14600}, 1072400,
       "SUM_MISMATCH fel hand.xlsx:3.1a!C8 | Totalkostnad 1 072 400 tkr avviker från summan av "
       "raderna 1 071 900 tkr. | 1072400000 1071900000"},
  }));
  INFO(c.name);
  std::vector<HandLine> lines;
  for (std::int64_t v : c.rows) lines.push_back({LineKind::row, "Tjänst", "", v, std::nullopt});
  lines.push_back({LineKind::total, "Totalkostnad", "", c.total, std::nullopt});
  Table t = hand_table("forvaltning", lines);
  Findings findings;
  arsanalys::checks::check_sums(t, kFile, findings);
  if (std::string(c.expected).empty()) {
    CHECK(show(findings) == kNone);
  } else {
    CHECK(show(findings) == std::vector<std::string>{c.expected});
  }
}

TEST_CASE("checks: SUM_ROUNDING on IS's area table (D07), read from a workbook", "[checks]") {
  Submission s = read({{"3.1a Förvaltningskostnader",
                        {
                            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
                            {nil, nil, "(exkl. utveckling i befintlig tjänst)",
                             "(inkl. index, men exkl utveckling i befintlig tjänst)"},
                            {"Ekonomi", "-", "83 100", "85 800"},
                            {"HR", "-", "130 500", "134 800"},
                            {"Digital infrastruktur", "-", "767 900", "793 300"},
                            {"Kommunikation", "-", "31 700", "32 800"},
                            {"Ledning och styrning", "-", "44 100", "45 500"},
                            {"Inköp", nil, "14 600", "15 100"},
                            {"Totalkostnad", "-", "1 072 000", "1 107 300"},
                        }}},
                      "intraservice.xlsx");
  Findings findings;
  arsanalys::checks::check_sums(*s.table("forvaltning"), s.file, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "SUM_ROUNDING info intraservice.xlsx:3.1a Förvaltningskostnader!C9 | Totalkostnad "
            "1 072 000 tkr skiljer sig från summan av raderna 1 071 900 tkr bara genom avrundning. "
            "| 1072000000 1071900000"});
}

TEST_CASE("checks: subtotals and the total of IS 3.1b detail (D06, F01)", "[checks]") {
  Submission s = is_31b_detail_alone();
  REQUIRE(s.table("utveckling") != nullptr);
  Findings findings;
  arsanalys::checks::check_sums(*s.table("utveckling"), s.file, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "SUM_MISMATCH fel intraservice.xlsx:3.1b!E14 | Delsumman 7 000 tkr avviker från "
            "summan av raderna 5 000 tkr. | 7000000 5000000",
            "SUM_MISMATCH fel intraservice.xlsx:3.1b!E15 | Totalkostnad 14 700 tkr avviker från "
            "summan av raderna 15 200 tkr. | 14700000 15200000",
            "SUM_MISMATCH fel intraservice.xlsx:3.1b!F15 | Totalkostnad 2 000 tkr avviker från "
            "summan av raderna 0 tkr. | 2000000 0",
        });
}

TEST_CASE("checks: subtotal rounding and the unlabelled grand total (F24) of IS 3.1a detail",
          "[checks]") {
  Submission s = read({{"3.1a Förvaltningskostnader",
                        {
                            {"Tjänst", "Utfall 2022", "Budget 2023",
                             "Prognos budget 2024, inkl index 3,3%"},
                            {"Stöd i arbetet med arbetsmiljö och hälsa", "-", 2011, 2077},
                            {"Stöd i arbetet med bemanning", nil, 15801, 16322},
                            {"Stöd i arbetet med förmåner", nil, 10147, 10482},
                            {nil, nil, 27959, 28882},  // rows 28 881: HR-like rounding
                            {"Inköp", nil, 14609, 15091},
                            {nil, "-", 42568, 43973},  // subtotal + Inköp
                        }}},
                      "intraservice.xlsx");
  const Table* t = s.table("forvaltning");
  REQUIRE(t != nullptr);
  REQUIRE(t->lines.size() == 6);
  CHECK(t->lines[5].kind == LineKind::total);
  Findings findings;
  arsanalys::checks::check_sums(*t, s.file, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "SUM_ROUNDING info intraservice.xlsx:3.1a Förvaltningskostnader!D5 | Delsumman 28 882 "
            "tkr skiljer sig från summan av raderna 28 881 tkr bara genom avrundning. | 28882000 "
            "28881000"});
}

// --- CROSS_MISMATCH ---------------------------------------------------------------------------

TEST_CASE("checks: CROSS_MISMATCH between IS 3.1b's area table and its detail", "[checks]") {
  Rows rows = {
      {kIsTitle31b},                                                                 // 1
      {},                                                                            // 2
      {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", 2024, 2025, 2026},  // 3
      {nil, nil, nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
       "(Förändring enskilt år)"},                                                   // 4
      {"HR", "-", "12 200", "13 000", "8 200", "0", "0"},                            // 5
      {"Ledning och styrning", "-", "20 500", "22 000", "7 000", "2 000", "0"},       // 6
      {"Totalkostnad:", "-", "32 700", "35 000", "15 200", "2 000", "0"},            // 7
      {},                                                                            // 8
      {"Leverantörens analys"},                                                      // 9
      {},                                                                            // 10
  };
  for (auto& r : is_31b_detail()) rows.push_back(r);  // rows 11-24
  Submission s = read({{"3.1b", rows}}, "intraservice.xlsx");
  REQUIRE(s.table("utveckling") != nullptr);
  REQUIRE(s.summaries.size() == 1);
  CHECK(arsanalys::xlsx::to_string(s.table("utveckling")->range) == "A11:G24");
  Findings findings;
  arsanalys::checks::check_cross(*s.table("utveckling"), s.summaries[0], s.file, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "CROSS_MISMATCH fel intraservice.xlsx:3.1b!E7 | Totalkostnad, påverkan på "
            "förvaltningskostnad 2024, är 15 200 tkr här men 14 700 tkr i den detaljerade "
            "tabellen ('3.1b'!E24). | 15200000 14700000",
            "CROSS_MISMATCH fel intraservice.xlsx:3.1b!F6 | Ledning och styrning, påverkan på "
            "förvaltningskostnad 2025, är 2 000 tkr här men 0 tkr i den detaljerade tabellen "
            "('3.1b'!F23). | 2000000 0",
        });
}

TEST_CASE("checks: CROSS_MISMATCH tolerance, a summary in hundreds against the detail",
          "[checks]") {
  struct Case {
    const char* name;
    std::int64_t summary, detail;
    const char* expected;
  };
  auto c = GENERATE(values<Case>({
      {"F02: Ekonomi 85 800 against 85 873, double rounding", 85800, 85873, ""},
      {"85 800 against 85 900", 85800, 85900, ""},
      {"D03: 792 300 against 793 264", 792300, 793264,
       "CROSS_MISMATCH fel hand.xlsx:3.1a!D2 | Ekonomi, prognos 2024, är 792 300 tkr här men "
       "793 264 tkr i den detaljerade tabellen ('3.1a'!D4). | 792300000 793264000"},
      {"D04: 33 800 against 32 784", 33800, 32784,
       "CROSS_MISMATCH fel hand.xlsx:3.1a!D2 | Ekonomi, prognos 2024, är 33 800 tkr här men "
       "32 784 tkr i den detaljerade tabellen ('3.1a'!D4). | 33800000 32784000"},
      {"D06: 47 700 against 47 200", 47700, 47200,
       "CROSS_MISMATCH fel hand.xlsx:3.1a!D2 | Ekonomi, prognos 2024, är 47 700 tkr här men "
       "47 200 tkr i den detaljerade tabellen ('3.1a'!D4). | 47700000 47200000"},
      {"whole tkr, equal", 1234, 1234, ""},
      {"whole tkr, 1 off", 1234, 1235,
       "CROSS_MISMATCH fel hand.xlsx:3.1a!D2 | Ekonomi, prognos 2024, är 1 234 tkr här men "
       "1 235 tkr i den detaljerade tabellen ('3.1a'!D4). | 1234000 1235000"},
  }));
  INFO(c.name);
  Table summary = hand_table("forvaltning", {{LineKind::row, "Ekonomi", "", 83100, c.summary},
                                             {LineKind::total, "Totalkostnad", "", 83100, c.detail}});
  Table detail = hand_table(
      "forvaltning", {{LineKind::group, "Ekonomi", "Ekonomi", std::nullopt, std::nullopt},
                      {LineKind::row, "Sammanställda räkenskaper", "Ekonomi", 83130, c.detail},
                      {LineKind::subtotal, "", "Ekonomi", 83130, c.detail},
                      {LineKind::total, "", "", 83130, c.detail}});
  Findings findings;
  arsanalys::checks::check_cross(detail, summary, kFile, findings);
  if (std::string(c.expected).empty()) {
    CHECK(show(findings) == kNone);
  } else {
    CHECK(show(findings) == std::vector<std::string>{c.expected});
  }
}

TEST_CASE("checks: CROSS_MISMATCH names a detail that is no more detailed by its sheet",
          "[checks]") {
  Table summary = hand_table("forvaltning", {{LineKind::row, "Ekonomi", "", 83100, 85800},
                                             {LineKind::total, "Total", "", 83100, 85800}});
  Table detail = hand_table("forvaltning", {{LineKind::row, "Ekonomi", "", 83100, 86800},
                                            {LineKind::total, "Totalkostnad", "", 83100, 86800}});
  Findings findings;
  arsanalys::checks::check_cross(detail, summary, kFile, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "CROSS_MISMATCH fel hand.xlsx:3.1a!D3 | Total, prognos 2024, är 85 800 tkr här men "
            "86 800 tkr i tabellen på bladet '3.1a' ('3.1a'!D3). | 85800000 86800000",
            "CROSS_MISMATCH fel hand.xlsx:3.1a!D2 | Ekonomi, prognos 2024, är 85 800 tkr här men "
            "86 800 tkr i tabellen på bladet '3.1a' ('3.1a'!D2). | 85800000 86800000"});
}

TEST_CASE("checks: CROSS_MISMATCH on the totals (D05)", "[checks]") {
  Table summary = hand_table("forvaltning", {{LineKind::row, "Ekonomi", "", 1072000, 1107300},
                                             {LineKind::total, "Total", "", 1072000, 1107200}});
  Table detail = hand_table("forvaltning", {{LineKind::row, "Inköp", "", 1071972, 1107347},
                                            {LineKind::subtotal, "", "", 1071972, 1107347},
                                            {LineKind::total, "", "", 1071972, 1107347}});
  Findings findings;
  arsanalys::checks::check_cross(detail, summary, kFile, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "CROSS_MISMATCH fel hand.xlsx:3.1a!D3 | Total, prognos 2024, är 1 107 200 tkr här men "
            "1 107 347 tkr i den detaljerade tabellen ('3.1a'!D4). | 1107200000 1107347000"});
}

TEST_CASE("checks: CROSS_MISMATCH on an empty summary cell names that cell",
          "[checks]") {
  // check_cross takes the cell of an empty summary value from the summary's *first* line
  // (summary.lines.front().values[sc]->source): the finding points at Ekonomi's D2, not at HR's
  // empty D3; and when the first line's cell is empty too, that is a disengaged optional
  // dereferenced (undefined behaviour). Likely fix: CellRef{s->row, scol.col} on the summary
  // sheet.
  Table summary = hand_table("forvaltning", {{LineKind::row, "Ekonomi", "", 83100, 85800},
                                             {LineKind::row, "HR", "", 130500, std::nullopt},
                                             {LineKind::total, "Totalkostnad", "", 213600, 220608}});
  Table detail = hand_table(
      "forvaltning", {{LineKind::group, "Ekonomi", "Ekonomi", std::nullopt, std::nullopt},
                      {LineKind::row, "Sammanställda räkenskaper", "Ekonomi", 83100, 85800},
                      {LineKind::subtotal, "", "Ekonomi", 83100, 85800},
                      {LineKind::group, "HR", "HR", std::nullopt, std::nullopt},
                      {LineKind::row, "Stöd i arbetet med bemanning", "HR", 130500, 134808},
                      {LineKind::subtotal, "", "HR", 130500, 134808},
                      {LineKind::total, "", "", 213600, 220608}});
  Findings findings;
  arsanalys::checks::check_cross(detail, summary, kFile, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "CROSS_MISMATCH fel hand.xlsx:3.1a!D3 | HR, prognos 2024, är 0 tkr här men 134 808 "
            "tkr i den detaljerade tabellen ('3.1a'!D7). | 0 134808000"});
}

// --- INDEX_MISMATCH ---------------------------------------------------------------------------

TEST_CASE("checks: INDEX_MISMATCH with the index stated in the header (IS, 3,3 %)",
          "[checks]") {
  Submission s = read({{"3.1a Förvaltningskostnader",
                        {
                            {"Tjänst", "Utfall 2022", "Budget 2023",
                             "Prognos budget 2024, inkl index 3,3%"},
                            {"Sammanställda räkenskaper", "-", 904, 934},
                            {"Stöd i budget, prognos och analysprocesserna", "-", 9603, 9920},
                            {"Stöd i ekonomiprocesserna", "-", 35369, 36536},
                            {"Fel uppräknad", nil, 1000, 1050},
                            {"Totalkostnad", nil, 46876, 48440},
                        }}},
                      "intraservice.xlsx");
  const Table* t = s.table("forvaltning");
  REQUIRE(t != nullptr);
  const std::vector<std::string> expected = {
      "INDEX_MISMATCH varning intraservice.xlsx:3.1a Förvaltningskostnader!D5 | Prognosen för "
      "'Fel uppräknad' 1 050 tkr stämmer inte med budget 1 000 tkr + index 3,3 % (1 033 tkr). "
      "Prognosen motsvarar en budget på 1 016 tkr. | 1050000 1033000"};
  SECTION("no index configured") {
    Findings findings;
    arsanalys::checks::check_index(*t, s.file, std::nullopt, findings);
    CHECK(show(findings) == expected);
  }
  SECTION("the stated index wins over a configured one") {
    Findings findings;
    arsanalys::checks::check_index(*t, s.file, 6.0, findings);
    CHECK(show(findings) == expected);
  }
}

TEST_CASE("checks: INDEX_MISMATCH with a configured index (DMS, 6 %, D02)", "[checks]") {
  SECTION("50 733 -> 53 820 does not fit 6 %") {
    Submission s = dms_31a();
    Findings findings;
    arsanalys::checks::check_index(*s.table("forvaltning"), s.file, 6.0, findings);
    CHECK(show(findings) ==
          std::vector<std::string>{
              "INDEX_MISMATCH varning demokrati.xlsx:3.1 Förvaltning!D4 | Prognosen för 'Extern "
              "service och kommunikation' 53 820 tkr stämmer inte med budget 50 733 tkr + index "
              "6 % (53 777 tkr). Prognosen motsvarar en budget på 50 774 tkr. | 53820000 "
              "53777000"});
  }
  SECTION("50 773 -> 53 820 fits 6 % within the rounding of both figures") {
    Submission s = dms_31a("50 773 tkr");
    Findings findings;
    arsanalys::checks::check_index(*s.table("forvaltning"), s.file, 6.0, findings);
    CHECK(show(findings) == kNone);
  }
}

TEST_CASE("checks: INDEX_MISMATCH with the index inferred from the other rows", "[checks]") {
  SECTION("3 of 4 rows follow 6 %") {
    Submission s = dms_31a();
    Findings findings;
    arsanalys::checks::check_index(*s.table("forvaltning"), s.file, std::nullopt, findings);
    CHECK(show(findings) ==
          std::vector<std::string>{
              "INDEX_MISMATCH varning demokrati.xlsx:3.1 Förvaltning!D4 | Prognosen för 'Extern "
              "service och kommunikation' 53 820 tkr stämmer inte med budget 50 733 tkr + index "
              "6 % (53 777 tkr) (indexet är det som övriga rader i tabellen följer). Prognosen "
              "motsvarar en budget på 50 774 tkr. | 53820000 53777000"});
  }
  SECTION("no index shared by most rows: silent") {
    Table t = hand_table("forvaltning", {{LineKind::row, "A", "", 1000, 1030},
                                         {LineKind::row, "B", "", 1000, 1050},
                                         {LineKind::row, "C", "", 1000, 1070}});
    Findings findings;
    arsanalys::checks::check_index(t, kFile, std::nullopt, findings);
    CHECK(show(findings) == kNone);
  }
  SECTION("too few rows to infer from: silent") {
    Table t = hand_table("forvaltning",
                         {{LineKind::row, "A", "", 1000, 1060}, {LineKind::row, "B", "", 1000, 1090}});
    Findings findings;
    arsanalys::checks::check_index(t, kFile, std::nullopt, findings);
    CHECK(show(findings) == kNone);
  }
}

TEST_CASE("checks: INDEX_MISMATCH tolerance is the rounding of budget and forecast",
          "[checks]") {
  struct Case {
    std::int64_t budget, prognos;
    double index;
    bool fires;
  };
  auto c = GENERATE(values<Case>({
      {904, 934, 3.3, false},         // 933.8
      {9603, 9920, 3.3, false},       // 9 919.9
      {35369, 36536, 3.3, false},     // 36 536.2
      {1000, 1034, 3.3, false},       // 1 033 + 1.0165 allowed
      {1000, 1035, 3.3, true},
      {50773, 53820, 6.0, false},     // 53 819.4
      {50733, 53820, 6.0, true},      // 53 777.0 (D02)
      {23588, 25003, 6.0, false},
      {44100, 45500, 3.3, false},     // area level, hundreds: 45 555.3 ± 101.65
      {31700, 32800, 3.3, false},     // 32 746.1
      {767900, 792300, 3.3, true},    // 793 240.7 (D03)
      {7500, 9000, 6.0, true},        // INK, F08
  }));
  INFO(c.budget << " -> " << c.prognos << " at " << c.index << " %");
  Table t = hand_table("forvaltning", {{LineKind::row, "Tjänst", "", c.budget, c.prognos},
                                       {LineKind::total, "Totalkostnad", "", c.budget, c.prognos}});
  Findings findings;
  arsanalys::checks::check_index(t, kFile, c.index, findings);
  CHECK(findings.size() == (c.fires ? 1u : 0u));
  for (const Finding& f : findings) {
    CHECK(f.code == "INDEX_MISMATCH");
    CHECK(f.level == Level::varning);
    CHECK(f.where.cell == "D2");
    CHECK(f.value_kr == c.prognos * 1000);
  }
}

TEST_CASE("checks: INDEX_MISMATCH, round figures in a table of whole tkr",
          "[checks]") {
  // check_index takes the rounding granularity per row from its budget and forecast alone, so a
  // row whose two figures happen to be round hundreds (2 000 -> 2 100) is allowed ±101.65 tkr
  // in a table whose other figures are whole tkr, and 34 tkr too much passes. Likely fix: the
  // granularity of the table's (or the column pair's) figures, as compare_sum does for a sum.
  Table t = hand_table("forvaltning", {{LineKind::row, "Sammanställda räkenskaper", "", 904, 934},
                                       {LineKind::row, "Stöd i ekonomiprocesserna", "", 35369,
                                        36536},
                                       {LineKind::row, "Rund budget", "", 2000, 2100}});
  Findings findings;
  arsanalys::checks::check_index(t, kFile, 3.3, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "INDEX_MISMATCH varning hand.xlsx:3.1a!D4 | Prognosen för 'Rund budget' 2 100 tkr "
            "stämmer inte med budget 2 000 tkr + index 3,3 % (2 066 tkr). Prognosen motsvarar en "
            "budget på 2 033 tkr. | 2100000 2066000"});
}

// --- IMPACT_AMBIGUOUS -------------------------------------------------------------------------

namespace {
/// DMS 3.1b (seed L418–L424): effect columns headed only by years. The sheet's name is the
/// title, so the header is the table's first row.
Rows dms_31b_rows(const std::vector<V>& header) {
  return {header,
          {"Extern service och kommunikation", nil, "6500 tkr", "4250 tkr", nil, "300 tkr",
           "315 tkr"},
          {"Demokratistärkande metoder och verktyg", nil, "500 tkr", "840 tkr", "30 tkr", "31 tkr",
           "33 tkr"},
          {"Göteborgs Stads kontaktcenter", nil, nil, "100 tkr"},
          {"Totalkostnad:", nil, "7000 tkr", "5190 tkr", "30 tkr", "331 tkr", "348 tkr"}};
}
const std::vector<V> kYearsOnly = {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024",
                                   "2024", "2025", "2026"};
}  // namespace

TEST_CASE("checks: IMPACT_AMBIGUOUS only when neither header nor configuration says",
          "[checks]") {
  const std::string expected =
      "IMPACT_AMBIGUOUS varning demokrati.xlsx:3.1b Utvecklingskostnader!E1 | 3.1b "
      "Utvecklingskostnader: det framgår inte om påverkan på förvaltningskostnaden anges som nivå "
      "eller som förändring enskilt år; arsanalys antar nivå. | - -";
  SECTION("years only, nothing configured (F06)") {
    Submission s = read({{"3.1b Utvecklingskostnader", dms_31b_rows(kYearsOnly)}}, "demokrati.xlsx");
    Findings findings;
    arsanalys::checks::check_impact(s, Impact::unknown, findings);
    CHECK(show(findings) == std::vector<std::string>{expected});
  }
  SECTION("configured as level or as change") {
    Submission s = read({{"3.1b Utvecklingskostnader", dms_31b_rows(kYearsOnly)}}, "demokrati.xlsx");
    Findings findings;
    arsanalys::checks::check_impact(s, Impact::level, findings);
    arsanalys::checks::check_impact(s, Impact::change, findings);
    CHECK(show(findings) == kNone);
  }
  SECTION("the header says Nivå") {
    Submission s = read({{"3.1b Utvecklingskostnader",
                          dms_31b_rows({"Tjänst", "Utfall 2022", "Budget 2023",
                                        "Prognos budget 2024", "Nivå 2024", "Nivå 2025",
                                        "Nivå 2026"})}},
                        "demokrati.xlsx");
    Findings findings;
    arsanalys::checks::check_impact(s, Impact::unknown, findings);
    CHECK(show(findings) == kNone);
  }
  SECTION("the header says (Förändring enskilt år)") {
    Rows rows = dms_31b_rows(kYearsOnly);
    rows.insert(rows.begin() + 1, {nil, nil, nil, nil, "(Förändring enskilt år)",
                                   "(Förändring enskilt år)", "(Förändring enskilt år)"});
    Submission s = read({{"3.1b Utvecklingskostnader", rows}}, "demokrati.xlsx");
    Findings findings;
    arsanalys::checks::check_impact(s, Impact::unknown, findings);
    CHECK(show(findings) == kNone);
  }
  SECTION("no effect written: nothing to be ambiguous about") {
    Submission s = read({{"3.1b Utvecklingskostnader",
                          {kYearsOnly,
                           {"Extern service och kommunikation", nil, "6500 tkr", "4250 tkr", "0",
                            nil, "-"},
                           {"Totalkostnad:", nil, "6500 tkr", "4250 tkr", "0", nil, nil}}}},
                        "demokrati.xlsx");
    Findings findings;
    arsanalys::checks::check_impact(s, Impact::unknown, findings);
    CHECK(show(findings) == kNone);
  }
}

TEST_CASE("checks: IMPACT_AMBIGUOUS and YEAR_MISMATCH point at the header below a title",
          "[checks]") {
  // Title in row 1, an empty row, the header in row 3: the findings name the column headings
  // E3/B3, not cells of the title row (samples/2024 demokrati.xlsx: the heading "2024" is E29).
  Rows rows = dms_31b_rows(kYearsOnly);
  // (insert(pos, {}) would pick the initializer-list overload and insert nothing.)
  rows.insert(rows.begin(), std::vector<V>{});
  rows.insert(rows.begin(), {"Utvecklingskostnader inom befintliga tjänster, ange siffror i tkr"});
  Submission s = read({{"Blad2", rows}}, "demokrati.xlsx");
  REQUIRE(s.table("utveckling") != nullptr);
  Findings findings;
  arsanalys::checks::check_impact(s, Impact::unknown, findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].where.cell == "E3");
  Findings years;
  arsanalys::checks::check_years(s, 2025, years);
  REQUIRE_FALSE(years.empty());
  CHECK(years[0].where.cell == "B3");
}

// --- PROPOSAL_INCOMPLETE ----------------------------------------------------------------------

TEST_CASE("checks: PROPOSAL_INCOMPLETE for \"Nej\" and empty fields", "[checks]") {
  // One finding per lacking field, at the cell of its answer (issue 14): the form's title cell
  // only for a field the form does not have.
  struct Case {
    const char* name;
    Proposal p;
    std::vector<std::string> expected;
  };
  const std::string b = "300 tkr Påverkan på förvaltningskostnaden kan inte bedömas";
  auto c = GENERATE_COPY(values<Case>({
      {"DMS form 4: effektmål empty, both analyses 'Nej.'",
       proposal(4, "Utvärdera reviderade goteborg.se", "A112",
                {{"namn", "Utvärdera reviderade goteborg.se"},
                 {"effektmal", ""},
                 {"informationsklassning", "Nej. Inte relevant i detta skede."},
                 {"konsekvensanalys", "Nej. Inte relevant i detta skede."},
                 {"budget", b}}),
       {"PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B114 | Förslaget 'Utvärdera reviderade "
        "goteborg.se' saknar effektmål: fältet är tomt. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B115 | Förslaget 'Utvärdera reviderade "
        "goteborg.se' saknar informationsklassning: svaret är 'Nej. Inte relevant i detta "
        "skede.'. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B116 | Förslaget 'Utvärdera reviderade "
        "goteborg.se' saknar tröskel- och konsekvensanalys: svaret är 'Nej. Inte relevant i "
        "detta skede.'. | - -"}},
      {"DMS form 5: complete",
       proposal(5, "Webbanalysverktyg", "A137",
                {{"namn", "Webbanalysverktyg"},
                 {"effektmal", "Bättre beslutsunderlag"},
                 {"informationsklassning", "JA"},
                 {"konsekvensanalys",
                  "Ja. Detta gjordes inför val av verktyg för pilot under 2021."},
                 {"budget", "200 tkr"}}),
       {}},
      {"DMS form 7: only the risk analysis 'Nej,'",
       proposal(7, "Utveckla verktyget", "A188",
                {{"namn", "Utveckla verktyget"},
                 {"effektmal", "Fler förslag"},
                 {"informationsklassning", "Ja, vid införandet av verktyget"},
                 {"konsekvensanalys", "Nej, gjordes ej vid införandet"},
                 {"budget", "Uppskattas till 540 tkr."}}),
       {"PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B192 | Förslaget 'Utveckla verktyget' saknar "
        "tröskel- och konsekvensanalys: svaret är 'Nej, gjordes ej vid införandet'. | - -"}},
      {"only a name: every required field lacking, none in the form",
       proposal(2, "Chattbot", "A40", {{"namn", "Chattbot"}}),
       {"PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!A40 | Förslaget 'Chattbot' saknar effektmål: "
        "fältet finns inte i formuläret. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!A40 | Förslaget 'Chattbot' saknar "
        "informationsklassning: fältet finns inte i formuläret. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!A40 | Förslaget 'Chattbot' saknar tröskel- och "
        "konsekvensanalys: fältet finns inte i formuläret. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!A40 | Förslaget 'Chattbot' saknar "
        "projektbudget: fältet finns inte i formuläret. | - -"}},
      {"no name, NEJ, '-', 'ej' and empty",
       proposal(3, "", "A60",
                {{"namn", ""},
                 {"behov", "Ett behov"},
                 {"effektmal", "-"},
                 {"informationsklassning", "NEJ"},
                 {"konsekvensanalys", "ej genomförd"},
                 {"budget", ""}}),
       {"PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B63 | Förslaget nr 3 saknar effektmål: svaret "
        "är '-'. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B64 | Förslaget nr 3 saknar "
        "informationsklassning: svaret är 'NEJ'. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B65 | Förslaget nr 3 saknar tröskel- och "
        "konsekvensanalys: svaret är 'ej genomförd'. | - -",
        "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B66 | Förslaget nr 3 saknar projektbudget: "
        "fältet är tomt. | - -"}},
      {"only the budget lacking",
       proposal(1, "X", "A3",
                {{"namn", "X"},
                 {"effektmal", "Y"},
                 {"informationsklassning", "Ja"},
                 {"konsekvensanalys", "ja"}}),
       {"PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!A3 | Förslaget 'X' saknar projektbudget: "
        "fältet finns inte i formuläret. | - -"}},
      {"an empty template form (F31): silent",
       proposal(1, "", "A3",
                {{"namn", ""},
                 {"effektmal", ""},
                 {"informationsklassning", ""},
                 {"konsekvensanalys", ""},
                 {"budget", ""}}),
       {}},
      {"a form title with no fields at all: silent", proposal(2, "", "A9", {}), {}},
  }));
  INFO(c.name);
  Submission s;
  s.file = kFile;
  s.proposals.push_back(c.p);
  Findings findings;
  arsanalys::checks::check_proposals(s, builtin_template(), findings);
  CHECK(show(findings) == c.expected);
}

TEST_CASE("checks: PROPOSAL_INCOMPLETE counts \"Nej- …\" as a no", "[checks]") {
  // DMS forms 2 and 3 answer "Nej- om det skulle visa sig relevant …" and "Nej- görs i
  // upphandlingen …": a "nej"/"ej" word followed by any non-letter is a no.
  Submission s;
  s.file = kFile;
  s.proposals.push_back(proposal(
      2, "Tillståndsguider för företagare", "A40",
      {{"namn", "Tillståndsguider för företagare"},
       {"effektmal", "Nöjdare företagare"},
       {"informationsklassning",
        "Nej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023"},
       {"konsekvensanalys", "Nej- görs i upphandlingen för arkiveringslösning"},
       {"budget", "300 tkr"}}));
  Findings findings;
  arsanalys::checks::check_proposals(s, builtin_template(), findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B43 | Förslaget 'Tillståndsguider för "
            "företagare' saknar informationsklassning: svaret är 'Nej- om det skulle visa sig "
            "relevant för detta uppdrag görs det under utredningen 2023'. | - -",
            "PROPOSAL_INCOMPLETE varning hand.xlsx:2.2!B44 | Förslaget 'Tillståndsguider för "
            "företagare' saknar tröskel- och konsekvensanalys: svaret är 'Nej- görs i "
            "upphandlingen för arkiveringslösning'. | - -"});
}

// --- YEAR_MISMATCH, TABLE_MISSING -------------------------------------------------------------

TEST_CASE("checks: YEAR_MISMATCH, a 3.1a of 2021-2023 in the analysis of 2024", "[checks]") {
  Submission s = read({{"3.1a Förvaltningskostnader",
                        {{"Tjänst", "Utfall 2021", "Budget 2022", "Prognos budget 2023"},
                         {"Intranät", 11000, 11989, 12385},
                         {"Totalkostnad", 11000, 11989, 12385}}}},
                      "gammal.xlsx");
  CHECK(s.year == 2023);
  const std::vector<std::string> expected = {
      "YEAR_MISMATCH fel gammal.xlsx:3.1a Förvaltningskostnader!B1 | Kolumnen 'utfall 2021' "
      "gäller 2021, men för analysåret 2024 väntades 2022. | - -",
      "YEAR_MISMATCH fel gammal.xlsx:3.1a Förvaltningskostnader!C1 | Kolumnen 'budget 2022' "
      "gäller 2022, men för analysåret 2024 väntades 2023. | - -",
      "YEAR_MISMATCH fel gammal.xlsx:3.1a Förvaltningskostnader!D1 | Kolumnen 'prognos budget "
      "2023' gäller 2023, men för analysåret 2024 väntades 2024. | - -",
  };
  SECTION("check_years") {
    Findings findings;
    arsanalys::checks::check_years(s, 2024, findings);
    CHECK(show(findings) == expected);
  }
  SECTION("check_submission with Y configured") {
    SupplierSettings settings;
    settings.year = 2024;
    Findings findings;
    arsanalys::checks::check_submission(s, builtin_template(), settings, findings);
    Findings years;
    for (const Finding& f : findings) {
      if (f.code == "YEAR_MISMATCH") years.push_back(f);
    }
    CHECK(show(years) == expected);
  }
  SECTION("Y as read from the submission: consistent, silent") {
    Findings findings;
    arsanalys::checks::check_submission(s, builtin_template(), SupplierSettings{}, findings);
    for (const Finding& f : findings) CHECK(f.code != "YEAR_MISMATCH");
  }
}

TEST_CASE("checks: YEAR_MISMATCH on an effect column of 3.1b", "[checks]") {
  Submission s = read({{"3.1b Utvecklingskostnader",
                        dms_31b_rows({"Tjänst", "Utfall 2022", "Budget 2023",
                                      "Prognos budget 2024", "2024", "2025", "2027"})}},
                      "demokrati.xlsx");
  Findings findings;
  arsanalys::checks::check_years(s, 2024, findings);
  CHECK(show(findings) ==
        std::vector<std::string>{
            "YEAR_MISMATCH fel demokrati.xlsx:3.1b Utvecklingskostnader!G1 | Kolumnen '2027' "
            "gäller 2027, men för analysåret 2024 väntades 2026. | - -"});
}

TEST_CASE("checks: TABLE_MISSING for each required table not found", "[checks]") {
  SECTION("nothing found") {
    Submission s;
    s.file = "tom.xlsx";
    Findings findings;
    arsanalys::checks::check_tables_present(s, findings);
    CHECK(show(findings) ==
          std::vector<std::string>{
              "TABLE_MISSING fel tom.xlsx:! | Tabell 3.1a Förvaltningskostnader hittades inte i "
              "arbetsboken. | - -",
              "TABLE_MISSING fel tom.xlsx:! | Tabell 3.1b Utvecklingskostnader hittades inte i "
              "arbetsboken. | - -",
              "TABLE_MISSING fel tom.xlsx:! | Tabell 3.1c Nya förändringsinsatser hittades inte i "
              "arbetsboken. | - -",
              "TABLE_MISSING fel tom.xlsx:! | Tabell 3.2 Fördelningsnycklar hittades inte i "
              "arbetsboken. | - -",
          });
  }
  SECTION("only 3.1a, and a summary does not count") {
    Submission s = dms_31a();
    s.summaries.push_back(s.tables[0]);
    s.summaries.back().id = "utveckling";
    Findings findings;
    arsanalys::checks::check_tables_present(s, findings);
    CHECK(show(findings) ==
          std::vector<std::string>{
              "TABLE_MISSING fel demokrati.xlsx:! | Tabell 3.1b Utvecklingskostnader hittades "
              "inte i arbetsboken. | - -",
              "TABLE_MISSING fel demokrati.xlsx:! | Tabell 3.1c Nya förändringsinsatser hittades "
              "inte i arbetsboken. | - -",
              "TABLE_MISSING fel demokrati.xlsx:! | Tabell 3.2 Fördelningsnycklar hittades inte i "
              "arbetsboken. | - -",
          });
  }
}

// --- NUMBER_*, VALUE_MISSING --------------------------------------------------------------------

TEST_CASE("checks: NUMBER_AMBIGUOUS, VALUE_MISSING and NUMBER_UNPARSED", "[checks]") {
  Submission s = read({{"3.1a Förvaltningskostnader",
                        {
                            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
                            {"HR", "-", "130 500", "134,800"},
                            {"Ekonomi", nil, "XXX", "500-600 tkr"},
                            {"Totalkostnad", nil, "*", "134 800"},
                        }}},
                      "intraservice.xlsx");
  const std::vector<std::string> expected = {
      "NUMBER_AMBIGUOUS varning intraservice.xlsx:3.1a Förvaltningskostnader!D2 | Beloppet är "
      "tvetydigt: 134,800 lästes som 134 800. | 134800000 -",
      "VALUE_MISSING varning intraservice.xlsx:3.1a Förvaltningskostnader!C3 | Beloppet för "
      "'Ekonomi' saknas (platshållare i stället för belopp). | - -",
      "NUMBER_UNPARSED fel intraservice.xlsx:3.1a Förvaltningskostnader!D3 | Beloppet för "
      "'Ekonomi' går inte att läsa som ett belopp. | - -",
  };
  SECTION("in the table used") {
    Findings findings;
    arsanalys::checks::check_figures(s, findings);
    CHECK(show(findings) == expected);
  }
  SECTION("in a summary table too (IS's area table holds the 134,800)") {
    s.summaries = s.tables;
    s.tables.clear();
    Findings findings;
    arsanalys::checks::check_figures(s, findings);
    CHECK(show(findings) == expected);
  }
}

// --- A correct submission -----------------------------------------------------------------------

TEST_CASE("checks: a correct 3.1a/3.1b/3.1c/3.2 and 2.2 produce no finding", "[checks]") {
  Submission s = read(
      {{"Försättsblad",
        {{"Årlig analys av digital utveckling och förvaltning 2024"},
         {"Leverantör", "Nämnden för Intraservice"}}},
       {"3 Kostnader",
        {
            {"3.1a Förvaltningskostnader inom befintliga tjänster, bas- och "
             "infrastrukturtjänster (tkr)"},                                              // 1
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},              // 2
            {"IT-arbetsplats", 120000, 130964, 135286},                                   // 3
            {"Office 365", 110000, 127203, 131401},                                       // 4
            {"Lokalt nät", 70000, 79613, 82240},                                          // 5
            {"Totalkostnad", 300000, 337780, 348927},                                     // 6
            {},                                                                           // 7
            {},                                                                           // 8
            {"3.1b Utvecklingskostnader inom befintliga tjänster, bas- och "
             "infrastrukturtjänster (tkr)"},                                              // 9
            {nil, "Utvecklingskostnad", nil, nil,
             "Påverkan förvaltningskostnad (nivå per år)"},                               // 10
            {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", "Nivå 2024",
             "Nivå 2025", "Nivå 2026"},                                                   // 11
            {"IT-arbetsplats", 5000, 8700, 11300, 0, 150, 150},                           // 12
            {"Office 365", 1000, 1600, 1600, 100, 100, 100},                              // 13
            {"Totalkostnad", 6000, 10300, 12900, 100, 250, 250},                          // 14
            {},                                                                           // 15
            {},                                                                           // 16
            {"3.1c Kostnader för nya förändringsinsatser, ej befintlig tjänst (tkr)"},    // 17
            {nil, "Kostnad för insatsen", nil, nil,
             "Påverkan förvaltningskostnad (nivå per år)"},                               // 18
            {"Förändringsinsats", "År 2024", "År 2025", "År 2026", "Nivå 2024", "Nivå 2025",
             "Nivå 2026"},                                                                // 19
            {"Chefs- och medarbetarenkät", 800, 0, 0, 0, 400, 400},                       // 20
            {"Totalkostnad", 800, 0, 0, 0, 400, 400},                                     // 21
            {},                                                                           // 22
            {},                                                                           // 23
            {"3.2 Förslag justering av fördelningsnycklar"},                              // 24
            {"Tjänst", "Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"},  // 25
            {"IT-arbetsplats", "Administrativa datorer"},                                 // 26
            {"Office 365", "Antal anställda"},                                            // 27
            {"Lokalt nät", "Antal anställda", "Antal anslutna enheter", "Speglar kostnaden"},
        }},
       {"2.2",
        {
            {"Föreslagen förändringsinsats 1"},
            {"Namn på förändringsinsats", "Chefs- och medarbetarenkät"},
            {"Effektmål", "Bättre underlag för ledarskap"},
            {"Är informationsklassning genomförd? JA / NEJ", "JA"},
            {"Tröskel- och konsekvensanalys genomförd? JA / NEJ", "Ja, mars 2023"},
            {"Total projektbudget (tkr)", 800},
        }}},
      "intraservice.xlsx");
  CHECK(s.supplier == "Nämnden för Intraservice");
  CHECK(s.year == 2024);
  for (const char* id : {"forvaltning", "utveckling", "nya_insatser", "nycklar"}) {
    INFO(id);
    REQUIRE(s.table(id) != nullptr);
  }
  CHECK(s.summaries.empty());
  CHECK(s.table("forvaltning")->lines.size() == 4);
  CHECK(s.table("utveckling")->lines.size() == 3);
  CHECK(s.table("utveckling")->impact == Impact::level);
  CHECK(s.table("nya_insatser")->lines.size() == 2);
  CHECK(s.table("nycklar")->lines.size() == 3);
  REQUIRE(s.proposals.size() == 1);

  SECTION("everything configured") {
    SupplierSettings settings;
    settings.year = 2024;
    settings.index_percent = 3.3;
    Findings findings;
    arsanalys::checks::check_submission(s, builtin_template(), settings, findings);
    CHECK(show(findings) == kNone);
  }
  SECTION("nothing configured") {
    Findings findings;
    arsanalys::checks::check_submission(s, builtin_template(), SupplierSettings{}, findings);
    CHECK(show(findings) == kNone);
  }
}

TEST_CASE("checks: the area table and its detail agreeing produce no finding", "[checks]") {
  Rows rows = {
      {kIsTitle31b},
      {},
      {"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024", 2024, 2025, 2026},
      {nil, nil, nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
       "(Förändring enskilt år)"},
      {"HR", "-", "12 200", "13 000", "8 200", "0", "0"},
      {"Totalkostnad:", "-", "12 200", "13 000", "8 200", "0", "0"},
      {},
      {},
      {"Tjänst", "Utvecklingskostnad", nil, nil, "Förändring förvaltnings-/driftkostnad"},
      {nil, "Utfall 2022", "Budget 2023", "Prognos budget 2024", "År 2024", "År 2025",
       "År 2026"},
      {"HR", "-", nil, nil, "(Förändring enskilt år)", "(Förändring enskilt år)",
       "(Förändring enskilt år)"},
      {"Digitalisering inom HR-området, utvecklingspott", nil, 1000, 1000, 200},
      {"Översyn IT-stöd inom lön och HR, utvecklingspott", nil, 11200, 12000, 8000},
      {nil, nil, 12200, 13000, 8200, 0, 0},
      {"Totalkostnad:", "=", "<u>12 200</u>", "<u>13 000</u>", "<u>8 200</u>", "<u>0</u>",
       "<u>0</u>"},
  };
  Submission s = read({{"3.1b", rows}}, "intraservice.xlsx");
  REQUIRE(s.table("utveckling") != nullptr);
  REQUIRE(s.summaries.size() == 1);
  Findings findings;
  arsanalys::checks::check_sums(*s.table("utveckling"), s.file, findings);
  arsanalys::checks::check_sums(s.summaries[0], s.file, findings);
  arsanalys::checks::check_cross(*s.table("utveckling"), s.summaries[0], s.file, findings);
  arsanalys::checks::check_impact(s, Impact::unknown, findings);
  arsanalys::checks::check_years(s, 2024, findings);
  arsanalys::checks::check_figures(s, findings);
  CHECK(show(findings) == kNone);
}
